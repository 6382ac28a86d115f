"""Publication dates: the strict wrapper around python-dateutil in generator.ingest.metadata.

Every line here is written for the test (made-up outlets and places); the rules are the
annotation rules of tests/real: a full date the page states counts, and anything the reader
would have to guess (order, year, whose date it is) gives no date.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest import metadata as md
from generator.ingest.document import parse_text

# --- shapes a page writes a date in -----------------------------------------------------------


@pytest.mark.parametrize(("text", "iso"), [
    ("2023-11-08", "2023-11-08"),
    ("2023/1/8", "2023-01-08"),
    ("2023.01.08", "2023-01-08"),
    ("2023年11月8日", "2023-11-08"),
    ("November 8, 2023", "2023-11-08"),
    ("Nov. 8 2023", "2023-11-08"),
    ("Sept 8, 2023", "2023-09-08"),
    ("8 November 2023", "2023-11-08"),
    ("8th of November, 2023", "2023-11-08"),
    ("08-Nov-2023", "2023-11-08"),
    ("25/03/2024", "2024-03-25"),   # day first: 25 cannot be a month
    ("3/25/2024", "2024-03-25"),    # month first: likewise
    ("05/05/2024", "2024-05-05"),   # both orders agree
    ("10/28 2023", "2023-10-28"),   # month/day pair, then the year
    ("2024-02-29", "2024-02-29"),   # a leap day that exists
])
def test_find_date_reads_full_dates(text: str, iso: str) -> None:
    assert md.find_date(f"The notice is dated {text} in the archive") == iso


@pytest.mark.parametrize("text", [
    "03/04/2024",      # March 4 or 3 April: no date is better than a wrong one
    "04/05 2023",      # likewise without the second slash
    "2025-13-45",      # impossible month and day
    "2025-02-30",      # impossible day
    "2023-02-29",      # no leap day that year
    "2025-13-05",      # dateutil would read 13 May; nobody writes year-day-month
    "2024年13月40日",
    "Feb 30, 2024",
    "31 Apr 2024",
    "99/99/2024",
    "0/0 2024",
])
def test_impossible_or_ambiguous_dates_give_none(text: str) -> None:
    assert md.find_date(text) is None
    assert md.parse_date(text) is None


@pytest.mark.parametrize("text", [
    "Nov. 8",                               # no year
    "published on Wednesday",               # a weekday
    "the plan for 2024 was approved",       # a year alone
    "in November 2023",                     # a month and year, no day
])
def test_no_full_date_gives_none(text: str) -> None:
    assert md.find_date(text) is None


def test_dates_inside_links_do_not_count() -> None:
    assert md.find_date("see https://news.example.org/2023/05/09/harbour-plan.html") is None
    assert md.find_date("mirror: www.example.org/archive/2023-05-09/item") is None
    byline = md.parse_byline("Source: https://news.example.org/2023/05/09/harbour-plan.html")
    assert byline.date is None


def test_first_date_in_reading_order() -> None:
    assert md.find_date("filed 8 November 2023, revised 2023-12-01") == "2023-11-08"
    # an ambiguous date is skipped, not read as the first
    assert md.find_date("03/04/2024 then 2024-04-09") == "2024-04-09"


# --- timestamp lines --------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "iso"), [
    ("2023-03-14 09:30", "2023-03-14"),
    ("Mar 14, 2023 09:30 CST Updated 11:05", "2023-03-14"),
    ("2023-03-14 09:30 Last Updated At:11:05", "2023-03-14"),
    ("10/28 2023 1204", "2023-10-28"),           # a reader counter after the stamp
    ("10/28 2023 1204 views", "2023-10-28"),
    ("2023-10-28 阅读 318", "2023-10-28"),
    ("2022-04-23 0 By", "2022-04-23"),  # a counter and a byline whose name was a link
    ("2025-08-18 16:07 Last Updated At:08-19 00:27", "2025-08-18"),  # the update's day
])
def test_parse_date_accepts_timestamp_lines(line: str, iso: str) -> None:
    assert md.parse_date(line) == iso


@pytest.mark.parametrize("line", [
    "Updated in 2023",
    "2023-03-14 the city opened a new port",
    "Mar 14, 2023 was a busy day for the harbour",
])
def test_parse_date_refuses_lines_that_say_more(line: str) -> None:
    assert md.parse_date(line) is None


@pytest.mark.parametrize(("line", "iso"), [
    ("Updated: 2023-03-14 09:30", "2023-03-14"),
    ("发布时间：2023年3月14日 09:30", "2023-03-14"),
    ("Source: Example Herald 2023-05-09", "2023-05-09"),        # a dated source line
    ("来源：样例日报 2023-05-09 发表于浙江", "2023-05-09"),
    ("example-news.cn 2023-05-09 08:15 Source: example-news.cn", "2023-05-09"),
    ("update:January 22,2017", "2017-01-22"),
    # page controls, then the site and its date
    ("0 Comment(s)Print E-mail example-news.cn, July 31, 2019", "2019-07-31"),
    ("0 Comment(s)Print E-mail China Daily, January 15, 2019", "2019-01-15"),  # an outlet
    ("Xinhua, January 27, 2016 Adjust font size:", "2016-01-27"),  # controls after it
])
def test_credit_lines_give_their_date(line: str, iso: str) -> None:
    assert md.parse_byline(line).date == iso


@pytest.mark.parametrize(("line", "source"), [
    ("By: Xinhua", "Xinhua"),
    ("By:People Daily Online", "People's Daily"),
])
def test_a_byline_naming_an_outlet_is_its_credit(line: str, source: str) -> None:
    byline = md.parse_byline(line)
    assert (byline.source, byline.authors) == (source, ())


def test_dated_source_line_keeps_the_outlet_without_the_date() -> None:
    assert md.parse_byline("Source: Example Herald 2023-05-09").source == "Example Herald"


@pytest.mark.parametrize("line", [
    "Photo taken on May 9, 2023 shows a container port at dusk",
    "File photo 2023-05-09 | Source: Example Herald",
    "Trade fair held on 2023-05-09 | Source: Example Herald",
    "图为2023年5月9日的港口 | 来源：样例日报",
])
def test_photo_and_event_dates_are_not_the_page_date(line: str) -> None:
    assert md.parse_byline(line).date is None


def test_a_name_beside_a_date_needs_a_credit_line() -> None:
    # without a label or byline the line is not known to be a credit line
    assert md.parse_byline("Harbour news 2023-05-09 08:15").date is None
    assert md.parse_byline("Government Work Report Highlights 2024-01-24").date is None
    assert md.parse_byline("Share Print Port trade grows, January 15, 2019").date is None


@pytest.mark.parametrize("line", [
    "Sichuan Provincial Department Of Commerce2024-03-21",  # the date glued to the name
    "Example Municipal Bureau of Statistics 2024-03-21",
])
def test_a_government_office_beside_a_date_is_a_credit_line(line: str) -> None:
    assert md.parse_byline(line).date == "2024-03-21"


# --- datelines --------------------------------------------------------------------------------


def test_dateline_with_a_year_dates_the_story() -> None:
    assert md.dateline_date(
        "WUHAN, June 3, 2023 /Wire Service/ -- The city said on Saturday") == "2023-06-03"
    assert md.dateline_date("WUHAN, 3 June 2023 (Wire) -- The city said") == "2023-06-03"
    # a dateline without a place
    assert md.dateline_date("Jan. 22, 2017 -- An economic growth rate list of 26 regions "
                            "has been released.") == "2017-01-22"
    assert md.dateline_date("Jan. 22, 2017 was the day the list came out") is None


def test_a_syndicated_dateline_and_a_bracketed_source_stamp_date_the_story() -> None:
    # a syndicator's tag before the dateline, and the story on the next line
    assert md.dateline_date(
        "(MENAFN- Wire Service) FUQING, China, Jan. 4, 2024 /Wire Service/ --") == "2024-01-04"
    # an outlet's own stamp opening the story, as Chinese outlets print it
    assert md.dateline_date("【Harbour Times July 25, 2024】23 of the 31 provinces have reported"
                            ) == "2024-07-25"
    assert md.dateline_date("[The Harbour Times, January 22, 2023](reporter Li Yun) After the "
                            "bureau said") == "2023-01-22"
    # a bracket that is not a source with its date
    assert md.dateline_date("[Photo/Harbour News] Workers at the port, 2024") is None
    assert md.dateline_date("[2024] The year the plan began") is None


@pytest.mark.parametrize("paragraph", [
    "WUHAN, June 3 (Wire) -- The city said on Saturday",     # no year
    "WUHAN, Tuesday (Wire) -- The city said",                # a weekday
    "Wuhan, June 3, 2023 -- the city said",                  # not a dateline (no capitals)
    "WUHAN, June 3, 2023 was the day the plan was published",
    "WUHAN, 06/03/2023 (Wire) -- The city said",             # ambiguous order
])
def test_datelines_without_a_stated_date_give_none(paragraph: str) -> None:
    assert md.dateline_date(paragraph) is None


# --- whole pages ------------------------------------------------------------------------------

_BODY = ("The provincial government set out its plan for the harbour district, "
         "with new berths and a rail link to the inland depots.\n\n"
         "Officials said the works would start after the spring festival.\n")


def _date_of(text: str) -> str | None:
    return parse_text(text.encode("utf-8"), file="made-up.txt").date


def test_page_with_a_date_only_in_its_url_is_undated() -> None:
    page = ("url: https://news.example.org/2023/05/09/harbour-plan.html\n\n"
            "Harbour district gets a new plan\n\n" + _BODY)
    assert _date_of(page) is None


def test_page_with_a_yearless_dateline_is_undated() -> None:
    page = "Harbour district gets a new plan\n\nNINGBO, May 9 (Wire) -- " + _BODY
    assert _date_of(page) is None


@pytest.mark.parametrize(("line", "iso"), [
    ("Source: | 2024-03-05 08:36 Click:", "2024-03-05"),  # a counter's label, its count left out
    ("Xinhua · 2025-10-29 12:52", "2025-10-29"),           # a middle dot before the date
    ("Di Yi Cai Jing·2025-10-29 12:52", "2025-10-29"),
])
def test_credit_lines_of_portals_and_aggregators(line: str, iso: str) -> None:
    assert md.parse_byline(line).date == iso


@pytest.mark.parametrize("profile", [
    "- Joined\n- Apr 30, 2014\n- Messages\n- 27,848\n",   # the label on the line above
    "Joined: Apr 30, 2014\nMessages: 27,848\n",           # on the same line
    "Member since 2014-04-30\n",
])
def test_a_forum_posters_profile_does_not_date_the_page(profile: str) -> None:
    page = "TaiShang\nELITE MEMBER\n" + profile + "\n" + _BODY
    assert _date_of(page) is None


def test_page_with_a_dated_dateline() -> None:
    page = "Harbour district gets a new plan\n\nNINGBO, May 9, 2023 (Wire) -- " + _BODY
    assert _date_of(page) == "2023-05-09"


def test_page_stamp_wins_over_a_photo_caption_date() -> None:
    page = ("Harbour district gets a new plan\n\n"
            "Photo taken on May 1, 2023 shows the harbour\n\n"
            "May 9, 2023 10:15 CST Updated 11:00\n\n" + _BODY)
    assert _date_of(page) == "2023-05-09"


# --- robustness and cost ----------------------------------------------------------------------


def test_text_without_a_year_never_reaches_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("dateutil called on a line with no year")

    md._read_date.cache_clear()
    monkeypatch.setattr(md.dateutil_parser, "parse", refuse)
    assert md.find_date("On Tuesday, Nov. 8, the port handled 30 ships at 10:45.") is None
    assert md.parse_date("10:45 Updated 3 hours ago") is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789/-.年月日 ,:JanFebSeptOct20", max_size=40))
def test_date_functions_never_raise(text: str) -> None:
    for result in (md.find_date(text), md.parse_date(text), md.dateline_date(text)):
        assert result is None or len(result) == 10


@pytest.mark.parametrize(("line", "iso"), [
    ("Updated:2023/05/09", "2023-05-09"),          # a label glued to the date is not a path
    ("May 9, 2023 /Wire Service/", "2023-05-09"),
])
def test_slashes_beside_a_date_are_not_links(line: str, iso: str) -> None:
    assert md.find_date(line) == iso


@pytest.mark.parametrize("text", [
    "news.example.cn/2023/05/09/harbour.html",
    "/2023/05/09/harbour-plan",
    "archive/2023-05-09/index.shtml",
])
def test_link_paths_without_a_scheme_are_not_dates(text: str) -> None:
    assert md.find_date(f"read more at {text}") is None


def test_a_line_of_only_a_host_and_its_timestamp_is_a_stamp() -> None:
    assert md.parse_byline("news.example.cn 2023-05-09 08:15").date == "2023-05-09"


def test_a_teaser_with_a_date_is_not_a_stamp() -> None:
    # a related-story link: a phrase, not a site's name, beside the date
    assert md.parse_byline("Port trade grows fast 2023-05-09").date is None


@pytest.mark.parametrize(("text", "iso"), [
    ("Jan 14,2023", "2023-01-14"),            # no space after the comma
    ("05-22-2024", "2024-05-22"),             # month first, hyphens
    ("22-05-2024", "2024-05-22"),
])
def test_find_date_reads_more_written_forms(text: str, iso: str) -> None:
    assert md.find_date(text) == iso


def test_hyphenated_numeric_dates_are_refused_when_ambiguous() -> None:
    assert md.find_date("10-12-2024") is None


@pytest.mark.parametrize(("line", "iso"), [
    ("Friday, February 2, 2024", "2024-02-02"),                 # a weekday before it
    ("2023-10-24 (goinnermongolia.com.cn)", "2023-10-24"),      # the site in brackets
    ("發佈時間:2023-01-17 14:08:29", "2023-01-17"),              # a traditional-Chinese label
])
def test_parse_date_accepts_more_timestamp_lines(line: str, iso: str) -> None:
    assert md.parse_date(line) == iso


def test_a_site_in_brackets_must_look_like_a_site() -> None:
    assert md.parse_date("2023-10-24 (the city opened a port)") is None


def test_a_byline_with_a_date_run_into_it_gives_the_date() -> None:
    assert md.parse_byline("By YUTING CHEN|Jan 14,2023").date == "2023-01-14"
