"""Theme evidence: which alias matches tag a theme (generator/extract/themes.py).

Every sentence here was written for the test. A specific alias ("cross-border e-commerce")
tags its theme wherever it appears; a generic one ("trade", "consumption", "port", "AI")
only where it is the topic of a statement; a slogan tags nothing.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from generator.extract.themes import find_themes, is_prose, summarise_themes
from generator.reference import ReferenceDataError, Taxonomy, Theme, load_taxonomy


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy()


def counted(sentence: str, tax: Taxonomy) -> set[str]:
    """The themes one sentence is evidence of."""
    return {m.theme for m in find_themes([sentence], tax) if m.counts}


# --- generic aliases that are the topic of a statement --------------------------------------

@pytest.mark.parametrize("sentence, theme", [
    ("Exports from the prefecture rose 9.4 percent last year.", "opening-up"),
    ("Exports rose 9 percent.", "opening-up"),
    ("A 6 percent rise in total imports and exports is planned for next year.", "opening-up"),
    ("The county's trade volume with Central Asia reached 12 billion yuan.", "opening-up"),
    ("The city will boost consumption with vouchers for restaurants and cinemas.", "consumption"),
    ("Officials pledged to expand the region's domestic demand.", "consumption"),
    ("The municipality will attract more foreign firms to its new district.", "opening-up"),
    ("The city will integrate AI into hospitals and schools.", "ai"),
    ("Planners want to promote cheap, quiet and AI-assisted tractors.", "ai"),
])
def test_a_generic_alias_with_a_figure_or_a_plan_verb_counts(sentence, theme, tax):
    assert theme in counted(sentence, tax)


def test_a_specific_alias_counts_in_passing(tax):
    assert "opening-up" in counted("The harbour district hosts a cross-border e-commerce park.", tax)
    assert "ai" in counted("Visitors tried artificial intelligence at the fair.", tax)


# --- generic aliases that are not --------------------------------------------------------------

def test_a_slogan_tags_nothing(tax):
    assert "opening-up" not in counted(
        "The province will deepen reform and opening-up and pursue high-quality development.",
        tax)
    assert "opening-up" not in counted(
        "Leaders vowed to press ahead with opening-up and reform next year.", tax)


@pytest.mark.parametrize("sentence", [
    "Growth in investment, consumption and trade slowed in the spring.",
    "The county will coordinate investment, consumption, and exports to steady the economy.",
    "GDP rose 4 percent, while production, investment and consumption stayed weak.",
])
def test_trade_or_consumption_in_a_list_of_indicators_is_not_a_theme(sentence, tax):
    assert not counted(sentence, tax) & {"consumption", "opening-up"}


def test_a_menu_line_is_not_a_statement(tax):
    assert is_prose("Home | News | Trade | Investment | Tourism") is False
    assert counted("Home | News | Trade | Investment | Tourism", tax) == set()
    assert "ai" not in counted("Acme AI Robot Dog X2", tax)


@pytest.mark.parametrize("sentence, theme", [
    # a figure in another clause belongs to something else
    ("Ningbo, which has a busy port, set a growth target of 6 percent.", "opening-up"),
    # a descriptive word, no plan and no figure about it
    ("The island, a free trade zone and a resort, drew many investors.", "opening-up"),
    ("Weak domestic demand weighed on the county's shops.", "consumption"),
    ("Soft domestic consumption is expected to remain a drag on growth.", "consumption"),
    ("The district saw growth in machinery and tourism industries.", "consumption"),
    ("The report names aircraft, ships and trains as examples.", "aerospace"),
])
def test_a_generic_word_in_passing_is_not_a_theme(sentence, theme, tax):
    assert theme not in counted(sentence, tax)


def test_trade_in_is_consumption_and_trade_tensions_are_not_trade(tax):
    themes = counted("The city will widen the trade-in of old cars and appliances.", tax)
    assert "consumption" in themes and "opening-up" not in themes
    assert "opening-up" not in counted("Trade tensions grew 20 percent worse, analysts said.", tax)


@pytest.mark.parametrize("sentence, counts", [
    ("Shanghai, at the forefront of China's opening-up, plans a new port.", False),
    ("His instructions gave strong impetus to the region's opening-up and development.", False),
    ("Jiangsu should lead in advancing in-depth reform and high-standard opening up.", False),
    ("The city will stabilize foreign trade and promote opening-up.", True),
    ("The district aims to expand high-level opening-up next year.", True),
])
def test_opening_up_needs_a_plan_or_a_figure(sentence, counts, tax):
    """"opening-up" is mostly a slogan word: it tags the theme only as the object of a plan
    verb or beside a figure, like the other generic aliases."""
    assert ("opening-up" in counted(sentence, tax)) is counts


@pytest.mark.parametrize("sentence, counts", [
    # what grows by the figure, the figure further than the usual few words
    ("The total import and export volume is projected to grow at an annual rate of 9.1%.", True),
    # a sector's output listed among others that grew: not the subject of the verb
    ("In the first quarter, the value of the accommodation and catering industry as well as "
     "the leasing and business service industry increased by 11.1 percent.", False),
])
def test_a_generic_alias_that_grows_by_a_figure_counts(sentence, counts, tax):
    themes = counted(sentence, tax)
    assert ("opening-up" in themes or "consumption" in themes) is counts


def test_the_verb_cement_is_not_the_building_material(tax):
    assert "traditional-industries" not in counted(
        "The tech hub ramps up efforts to cement its position in embodied AI.", tax)
    assert "traditional-industries" in counted("Cement output fell 9 percent in May.", tax)


def test_energy_use_is_not_consumer_consumption(tax):
    """"electricity consumption" is a measure of energy use, not the consumption theme."""
    for what in ("electricity", "power", "gas", "water", "coal", "fuel", "oil"):
        sentence = f"The county's {what} consumption rose 13.3 percent last year."
        assert "consumption" not in counted(sentence, tax), sentence
    assert "consumption" in counted("Household consumption rose 6 percent last year.", tax)


def test_tourism_is_not_the_consumption_theme(tax):
    """Tourism has no theme of its own and is not "consumption" (the answer keys of every
    real set agree); spending by tourists, named as consumption, is."""
    for sentence in ("The province's tourism revenue jumped 21 percent last year.",
                     "He urged the region to promote the cultural tourism industry.",
                     "The city will develop an ice and snow economy through winter tourism."):
        assert "consumption" not in counted(sentence, tax), sentence
    assert "consumption" in counted("The city will boost tourism consumption this year.", tax)


def test_equipment_manufacturing_alone_is_not_advanced_manufacturing(tax):
    """"equipment manufacturing" is a statistical branch like any other; "high-end" or
    "intelligent" equipment is the theme."""
    assert "advanced-manufacturing" not in counted(
        "Value added of the equipment manufacturing industry rose 11.4 percent.", tax)
    assert "advanced-manufacturing" in counted(
        "Value added of high-end equipment manufacturing rose 11.4 percent.", tax)


# --- plumbing ---------------------------------------------------------------------------------

def test_non_counting_mentions_are_kept_but_not_summarised(tax):
    sentences = ["The province will deepen reform and opening-up.",
                 "Exports rose 5 percent in May."]
    mentions = find_themes(sentences, tax)
    assert [(m.sentence, m.theme, m.counts) for m in mentions if m.theme == "opening-up"] == [
        (1, "opening-up", False), (2, "opening-up", True)]
    analysis = SimpleNamespace(focus=[["zhejiang"], ["jiangsu"]])
    (entry,) = [t for t in summarise_themes(mentions, analysis, tax) if t["id"] == "opening-up"]
    assert entry["mentions"] == 1 and entry["sentences"] == [2]
    assert entry["regions"] == ["jiangsu"]


def test_is_generic_knows_the_surface_forms(tax):
    assert tax.is_generic("opening-up", "Exports")
    assert tax.is_generic("ai", "AI")
    assert not tax.is_generic("ai", "artificial intelligence")
    assert not tax.is_generic("opening-up", "foreign direct investment")


def test_a_generic_alias_must_be_an_alias():
    with pytest.raises(ReferenceDataError, match="generic"):
        Taxonomy([Theme("opening-up", "Opening-up", "d", aliases=("port",), generic=("trade",))])
