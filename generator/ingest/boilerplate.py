"""Separate an article's body from the web cruft around it.  Pure text heuristics, no I/O.

Scraped pages keep their site chrome: menus and language switchers above the headline,
share buttons, photo captions, editor credits, author bios, comment forms, "Must Read"
link lists and copyright footers below the story.  The model here is the one a reader
uses without thinking:

* the **body starts** at the first line that reads like prose (enough words, ends like a
  sentence) - everything above it is the *header*: title, byline, navigation;
* the **body ends** at the first footer-ish block (end marker: comment form, related-links
  heading, copyright/licence line, editor credit, author bio, "back to top") - everything
  from there is the *footer*;
* inside the body, lines that are never article text (captions, share buttons, inline
  "Read more:" promos, credit lines) are dropped, and short non-sentences trailing the
  last paragraph are navigation.

Each rule is a small named predicate on one line, documented and unit-tested, so a new
outlet's cruft is handled by adding or widening a rule, never by matching an article.
Metadata-bearing lines (bylines, timestamps, URLs) are recognised with
:mod:`generator.ingest.metadata` and handed back so the caller can read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .metadata import (
    bare_byline_names,
    looks_like_person_name,
    parse_byline,
    parse_dated_title,
    parse_url_line,
    split_dated_text,
)

__all__ = [
    "Layout",
    "END_RULES",
    "DROP_RULES",
    "is_author_bio",
    "is_back_to_top",
    "is_breadcrumb",
    "is_caption",
    "is_comment_form",
    "is_editor_credit",
    "is_end_of_story",
    "is_glued_menu",
    "is_inline_promo",
    "is_legal_footer",
    "is_metadata_line",
    "is_prose",
    "is_related_heading",
    "is_rule_line",
    "is_short_fragment",
    "is_teaser_row",
    "is_title_candidate",
    "is_ui_control",
    "split_layout",
    "strip_markdown",
    "unwrap_block",
    "word_count",
]

_TERMINAL = re.compile(r"[.!?…。！？]+[\"'”’)\]»]*$")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def word_count(line: str) -> int:
    """Words in ``line``; each CJK character counts as one word (no spaces in Chinese)."""
    words = len(line.split())
    if not line.isascii():
        words += len(_CJK.findall(line))
    return words


def _ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line[-12:]))  # the tail suffices; searching all is slow


# --- line assembly -----------------------------------------------------------------------

_LIST_MARKER = re.compile(r"^\s*(?:[-*+•·▪]|\d{1,3}[.)])\s+")
_BULLET = re.compile(r"^\s*[-*+•·▪]\s+(?=\S)")


def unwrap_block(lines: list[str]) -> list[str]:
    """Turn one blank-line-separated block into logical lines (paragraph candidates).

    Scraped text puts one paragraph per line, so lines stay separate - unless the block is
    *hard-wrapped* prose (Markdown, e-mail), which is joined into one paragraph.  A block is
    hard-wrapped when it ends like a sentence, most of its line breaks fall mid-sentence,
    and every line but the last was filled greedily: it is at least about half the block's
    width, and the next line's first word would not have fitted on it.  (A headline over a
    byline, or one short paragraph per line, fails that test.)  A line that
    breaks mid-sentence and is followed by a lowercase continuation is joined in any case.
    List items and metadata lines (a lowercase timestamp label) are never joined.
    """
    lines = [ln.strip() for ln in lines if ln.strip()]
    if len(lines) < 2:
        return lines
    width = max(len(ln) for ln in lines)
    inner = lines[:-1]
    wrapped = (
        40 <= width <= 200
        and _ends_sentence(lines[-1])
        and not any(_LIST_MARKER.match(ln) for ln in lines[1:])
        and all(len(ln) >= 0.55 * width for ln in inner)
        and sum(not _ends_sentence(ln) for ln in inner) * 2 >= len(inner)
        and all(len(ln) + 1 + len(nxt.split()[0]) > width
                for ln, nxt in zip(inner, lines[1:], strict=True))
    )
    if wrapped:
        return [" ".join(lines)]
    out = [lines[0]]
    for ln in lines[1:]:
        prev = out[-1]
        if (not _ends_sentence(prev) and len(prev) >= 40 and ln[:1].islower()
                and not _LIST_MARKER.match(ln)
                # (a timestamp under a headline: "updated on:2017-02-06 13:43")
                and not is_metadata_line(ln)):
            out[-1] = f"{prev} {ln}"
        else:
            out.append(ln)
    return out


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)(]|\([^)]*\))*\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_LINK_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|(?<![\w])_)(?=\S)(.+?)(?<=\S)\1(?![\w])")
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]{0,200}>")


def strip_markdown(line: str) -> tuple[str, int]:
    """Plain text of one Markdown line and its heading level (0 = not a heading).

    Images and link definitions vanish; links keep their text; emphasis, inline code,
    block quotes, list markers and stray HTML tags are removed.
    """
    if _MD_LINK_DEF.match(line):
        return "", 0
    level = 0
    m = _MD_HEADING.match(line)
    if m:
        level, line = len(m.group(1)), m.group(2)
    line = re.sub(r"^\s*(?:>\s*)+", "", line)
    line = _LIST_MARKER.sub("", line)
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_REF_LINK.sub(r"\1", line)
    line = _MD_CODE.sub(r"\1", line)
    line = _MD_EMPHASIS.sub(r"\2", line)
    line = _HTML_TAG.sub("", line)
    return line.strip(), level


# --- line predicates: dropped wherever they appear ----------------------------------------

_CAPTION_PATTERNS = (
    # "... [Photo/Xinhua]", "[Photo by Li Qiao/China Daily]", "[Image: VCG]"
    re.compile(r"\[(?:photo|photograph|image|picture|video|graphic|file photo|screenshot)s?"
               r"\b[^\]]*\]\s*$", re.IGNORECASE),
    # "... (Photo: VCG)", "(Photo by Li Qiao)", "(Image courtesy of ...)"
    re.compile(r"\((?:photo|image|picture|video|graphic)s?\s*(?:[:/]|by\b|courtesy\b|credit\b)"
               r"[^)]*\)\s*$", re.IGNORECASE),
    # "This photo taken on Feb 1, 2024 shows ...", "Photo taken on ...", "A file photo shows"
    # (but not "The picture shows a clear trend", which is prose)
    re.compile(r"^(?:this\s+|an?\s+)?(?:file\s+|aerial\s+|undated\s+|combo\s+)?"
               r"(?:photo|picture|image|screenshot|video\s+grab|photo\s+combination)s?\s+"
               r"(?:taken|provided|released|dated|captured|posted|shot)\b", re.IGNORECASE),
    # ("An aerial drone photo shows ...": up to two such words before the noun)
    re.compile(r"^(?:this|an?)\s+(?:(?:file|aerial|undated|combo|drone)\s+){0,2}"
               r"(?:photo|picture|image|screenshot|video\s+grab)s?\s+shows?\b", re.IGNORECASE),
    # "Photo: VCG", "Photo/Xinhua", "Photo by Li Qiao", "File photo: ..."
    re.compile(r"^(?:file\s+)?(?:photo|image|picture|graphic)s?\s*(?::|/|by\b)", re.IGNORECASE),
    # "... in Hefei. Photo: VCG" (caption credit at the end of the line)
    re.compile(r"\bphotos?\s*:\s*[A-Z][\w .&/\-]{0,40}$", re.IGNORECASE),
    # "... in Haikou © Jade GAO / AFP", "... Dalian, Liaoning province. Credit: Depositphotos"
    re.compile(r"(?:©|\b(?i:credit)\s*:)\s*[A-Z][\w .'&/\-]{1,50}$"),
    # "... Jan. 5, 2025. (Xinhua/Zhou Mu)" agency/photographer credit (kept last: is_caption
    # tries it alone on lines without a caption word)
    re.compile(r"\((?:[A-Z][\w.]*\s?){1,3}/\s*[A-Z][\w .'\-]{1,40}\)\s*$"),
)


_CAPTION_WORDS = ("photo", "image", "picture", "video", "graphic", "screenshot", "©", "credit")


def is_caption(line: str) -> bool:
    """Photo or video captions and their credits.

    ``... [Photo/Xinhua]``, ``(Photo: VCG)``, ``This photo taken on ... shows ...``,
    ``Photo taken on ...``, ``Photo: VCG``, ``... (Xinhua/Zhou Mu)``.
    """
    lower = line.lower()
    if not any(w in lower for w in _CAPTION_WORDS):
        return line.endswith(")") and "/" in line and bool(_CAPTION_PATTERNS[-1].search(line))
    return any(p.search(line) for p in _CAPTION_PATTERNS)


_UI_WORDS = frozenset(
    """share sharing shares wechat weibo facebook twitter x linkedin whatsapp telegram reddit
    email mail print printer friendly top back close menu home search english 中文 français
    español deutsch русский 日本語 한국어 العربية follow subscribe newsletter login log sign
    register more next previous prev comment comments reply like likes save copy link copied
    font size listen tweet pin bookmark gallery zoom download app skip main content navigation
    toggle expand collapse enlarge qr code scan scroll edition global advertisement
    advertising sponsored""".split()
)
# A paywall prompt: "Enjoying this article? Click here to subscribe for full access. Just $5
# a month."
_PAYWALL = re.compile(
    r"\b(?:subscribe|subscription|subscribers?|sign\s+up|full\s+access)\b.{0,80}?"
    r"(?:US)?\$\d+(?:\.\d+)?\s*(?:a|per|/)\s*(?:month|mo|week|year)\b", re.IGNORECASE)
# Reading-time badges, prices, trust blurbs: "Reading Time: 4 minutes", "3 min read",
# "Why you can trust SCMP", "Just $5 a month."
# A row of bracketed buttons: "[Save] [Gift this article] [Print this page]"
_BUTTON_ROW = re.compile(r"^(?:\[[^\]\[]{1,30}\]\s*){2,}$")
_UI_PHRASE = re.compile(
    r"^(?:reading\s+time\s*:?\s*\d+\s*min(?:ute)?s?|\d+\s*min(?:ute)?s?(?:\s+read)?"
    r"|why\s+you\s+can\s+trust\s+\S+(?:\s+\S+)?"
    r"|(?:just|only)?\s*(?:US)?\$\d+(?:\.\d+)?\s*(?:a|per|/)\s*(?:month|mo|week|year)\.?)$",
    re.IGNORECASE)
_TEMPLATE_MARKUP = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_UI_FILLER = frozenset("to the on in a up out us e of and for via with this".split())


def is_ui_control(line: str) -> bool:
    """Buttons and switchers rendered as text: ``Share``, ``Share - WeChat``, ``Top``,
    ``BACK TO THE TOP``, ``English``, ``FOLLOW US``, ``CLOSE``, ``Print``, ``A A A``.

    Every word must come from a small vocabulary of interface words (plus fillers such as
    "to the"), at most six words, and no sentence punctuation. A line with template
    markup (``{{ x }}``, ``{% raw %}``) is never a button: it is text to show, escaped.
    """
    if _TEMPLATE_MARKUP.search(line):
        return False
    if len(line) <= 200 and _PAYWALL.search(line):
        return True
    if len(line) > 60:
        return False
    if _UI_PHRASE.match(line.strip()) or _BUTTON_ROW.match(line.strip()):
        return True
    if _ends_sentence(line.rstrip(":")) and len(line) > 12:
        return False
    tokens = re.findall(r"[^\W\d_]+", line.lower())
    if not tokens or len(tokens) > 6:
        return False
    if all(t == "a" for t in tokens):  # font-size switcher "A A A"
        return len(tokens) >= 2
    return all(t in _UI_WORDS or t in _UI_FILLER for t in tokens) and any(
        t in _UI_WORDS for t in tokens)


_BREADCRUMB_SEP = re.compile(r"\s+[/>»›→|]\s+|\s*[>»›→]\s*")
_HOME = re.compile(r"^(?:home|homepage|index|首页|main)$", re.IGNORECASE)


def is_breadcrumb(line: str) -> bool:
    """Navigation trails: ``Home / Business / Policies``, ``News > China > Economy``.

    Three or more short parts (at most four words each, no sentence punctuation) joined by
    path separators, or two parts starting with "Home".
    """
    if len(line) > 200 or _ends_sentence(line) or not _BREADCRUMB_SEP.search(line):
        return False
    parts = [p.strip() for p in _BREADCRUMB_SEP.split(line) if p.strip()]
    if len(parts) < 2 or any(len(p.split()) > 4 for p in parts):
        return False
    return len(parts) >= 3 or bool(_HOME.match(parts[0]))


_GLUED = re.compile(r"[a-z]{2}[A-Z]{2,}|[A-Za-z][\u3400-\u9fff]|[\u3400-\u9fff][A-Za-z]")


def is_glued_menu(line: str) -> bool:
    """Menus whose items lost their separators: ``Global EditionASIA 中文双语Français``.

    A short line (at most eight words, no sentence punctuation) with a word glued across a
    case or script change (``EditionASIA``, ``双语Français``) - prose never does that.
    """
    if len(line) > 120 or _ends_sentence(line) or word_count(line) > 8:
        return False
    latin = len(re.findall(r"[A-Za-z]", line))
    if latin < len(line) / 3:  # mostly Chinese text mixes scripts legitimately
        return bool(re.search(r"[a-z]{2}[A-Z]{2,}", line))
    return bool(_GLUED.search(line))


_INLINE_PROMO = re.compile(
    r"^(?:read\s+more|related|also\s+read|read\s+also|see\s+also|more\s+on\s+this|recommended"
    r"|click\s+here|watch|listen|download\s+(?:the|our)\s+app|subscribe\s+to|sign\s+up\s+for"
    r"|follow\s+(?:us|\w+)\s+on|get\s+the\s+latest)\b\s*[:：>»\-–—]",
    re.IGNORECASE,
)


def is_inline_promo(line: str) -> bool:
    """In-body link promos: ``Read more: ...``, ``Related: ...``, ``Also read: ...``,
    ``Subscribe to ... :``.  The label must be followed by a colon or arrow, so prose such as
    "Related industries grew" is untouched."""
    return bool(_INLINE_PROMO.match(line))


def is_rule_line(line: str) -> bool:
    """Separator lines with no letters or digits: ``---``, ``* * *``, ``====``."""
    return not re.search(r"[^\W_]", line)


def is_metadata_line(line: str) -> bool:
    """Bylines, timestamps, credit and URL lines (read by :mod:`.metadata`, not body text).

    ``10:27, January 16, 2025 By Chi Jingyi ( Global Times``, ``Xinhua | Updated: ...``,
    `` date 2025-01-16 <title>``, ``Source: https://...``, ``By WANG XIAOYU``.
    """
    return bool(parse_dated_title(line) or parse_url_line(line) or parse_byline(line))


# --- line predicates: the body ends here ----------------------------------------------------

_EDITOR_CREDIT = re.compile(
    r"^[(\[（]?\s*(?:(?:web|chief|responsible|executive|managing|copy)\s+)?"
    r"(?:editors?|edited\s+by|proofread(?:er|\s+by)|translat(?:ed\s+by|or)|compiled\s+by"
    r"|责任编辑|编辑)\s*[:：]?"
    r"|^[(\[（]?\s*(?:additional\s+)?(?:reporting|writing|editing|research)\s+by\b",
    re.IGNORECASE,
)


def is_editor_credit(line: str) -> bool:
    """Production credits that close a story: ``(Web editor: Tian Yi, Zhong Wenxing)``,
    ``(Editor: Li Qiao)``, ``Edited by ...``, ``Translated by ...``, ``责任编辑：...``,
    ``(Reporting by Jane Doe; Editing by John Roe)``.
    Short (at most 20 words) so prose about editors is never caught."""
    return bool(_EDITOR_CREDIT.match(line)) and word_count(line) <= 20 and (
        ":" in line or "：" in line or " by " in line.lower() or line.startswith(("(", "（")))


_COMMENT_FORM = re.compile(
    r"^(?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|write\s+a\s+comment"
    r"|comments?|\d+\s+comments?|comments?\s*\(\d+\)|please\s+enter\s+your\s+\w+(?:\s+here)?"
    r"|you\s+must\s+be\s+logged\s+in\b.*|log\s+in\s+to\s+(?:comment|reply)"
    r"|join\s+the\s+(?:conversation|discussion)|cancel\s+reply|post\s+comment|submit\s+comment"
    r"|save\s+my\s+name,\s+email.*|your\s+email\s+address\s+will\s+not\s+be\s+published.*)"
    r"\s*[!.:]?\s*$",
    re.IGNORECASE,
)


def is_comment_form(line: str) -> bool:
    """Comment widgets: ``LEAVE A REPLY``, ``Please enter your comment!``, ``3 Comments``."""
    return bool(_COMMENT_FORM.match(line))


_RELATED_HEADING = re.compile(
    r"^(?:must\s+reads?|related(?:\s+(?:articles?|stories|news|posts|content|coverage|reading"
    r"|links|topics|reports?))?|read\s+more|read\s+next|more\s+(?:stories|news|articles)"
    r"|more\s+(?:from|on|in)\s+[\w' ]{1,30}|you\s+(?:may|might)\s+(?:also\s+)?"
    r"(?:like|be\s+interested\s+in)|recommended(?:\s+(?:for\s+you|stories|articles|reading))?"
    r"|most\s+(?:popular|read|viewed|shared)|trending(?:\s+(?:now|stories|news))?"
    r"|top\s+(?:stories|news)|latest(?:\s+(?:news|stories|articles))?|editor['’]?s?\s+picks?"
    r"|further\s+reading|see\s+also|also\s+read|popular|in\s+case\s+you\s+missed\s+it"
    r"|what\s+to\s+read\s+next|more\s+to\s+explore|special\s+coverage|hot\s+words)\s*[:：]?$",
    re.IGNORECASE,
)


def is_related_heading(line: str) -> bool:
    """Headings of link lists that follow a story: ``Must Read``, ``Related``,
    ``Read more``, ``You may also like``, ``Most popular``.  The whole line must be the
    heading; everything after it is the list."""
    return bool(_RELATED_HEADING.match(line.strip()))


_LEGAL = (
    re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}|by\b|:))", re.IGNORECASE),
    re.compile(r"\ball\s+rights\s+reserved\b", re.IGNORECASE),
    # "License for publishing multimedia online 0108263", "Registration Number: 130349"
    re.compile(r"^(?:licen[cs]e|registration|permit)\b(?:[^.!?]{0,60}?\d{5,}\s*$"
               r"|\s+(?:number|no\.?)\s*[:：#]?\s*[\w-]*\d{4,})", re.IGNORECASE),
    re.compile(r"(?<![A-Za-z])ICP\s*(?:备|证|licen[cs]e|no\.?|\d)", re.IGNORECASE),
    # a row of site-policy links and nothing else: "Privacy Policy | Terms of Use"
    re.compile(r"^(?:(?:terms\s+(?:of\s+(?:use|service)|and\s+conditions)|privacy\s+(?:policy"
               r"|notice)|cookie\s+(?:policy|settings)|about\s+us|contact\s+us"
               r"|advertise(?:\s+with\s+us)?|site\s*map|disclaimer)\s*[|·•/,]?\s*)+$",
               re.IGNORECASE),
)


def is_legal_footer(line: str) -> bool:
    """Copyright, licence and site-policy lines: ``Copyright 1995 - . All rights reserved.``,
    ``© 2025 ...``, ``License for publishing multimedia online 0108263``,
    ``Registration Number: 130349``, ``京ICP备...``, ``Privacy Policy | Terms of Use``.
    Each pattern is anchored to the shape of a footer line, so prose *about* copyright,
    licences or privacy policy ("Registration numbers of new cars rose") is not cut."""
    lower = line.lower()
    if "rights" in lower or "icp" in lower:
        return word_count(line) <= 80 and any(p.search(line) for p in _LEGAL)
    if len(line) > 600:
        return False
    return any(p.match(line) for p in (_LEGAL[0], _LEGAL[2], _LEGAL[4]))


_BACK_TO_TOP = re.compile(r"^(?:back\s+to\s+(?:the\s+)?top|to\s+top|top\s+of\s+page|↑)\W*$",
                          re.IGNORECASE)
_END_OF_STORY = re.compile(
    r"^(?:[-–—(\[\s]*)(?:end\s*item|ends?|the\s+end|完)(?:[-–—)\]\s]*)$|^#{3}$", re.IGNORECASE)


def is_back_to_top(line: str) -> bool:
    """``BACK TO THE TOP`` / ``Back to top``: the page footer starts here."""
    return bool(_BACK_TO_TOP.match(line.strip()))


def is_end_of_story(line: str) -> bool:
    """Wire-copy end marks: ``Enditem`` (Xinhua), ``(END)``, ``- Ends -``, ``###``."""
    return bool(_END_OF_STORY.match(line.strip()))


_BIO = re.compile(
    r"^[(\[（\-—–\s]*(?:about\s+the\s+(?:author|writer)s?\s*$|the\s+(?:writer|author|columnist"
    r"|contributor|commentator|op-ed\s+writer)s?\s+(?:is|are|was|were|heads|serves|works|teaches"
    r"|leads|writes|covers|has\s+been|have\s+been)\b)",
    re.IGNORECASE,
)


def is_author_bio(line: str) -> bool:
    """Author notes that close opinion pieces and wire copy: ``The writer heads ...``,
    ``The author is a professor at ...``, ``(The author is ...)``, ``About the author``."""
    return bool(_BIO.match(line))


# Rules that drop a line wherever it is, and rules that end the body (checked after it
# starts).  Order matters only for the rule name reported in Layout.removed.
def is_teaser_row(line: str) -> bool:
    """Headlines of other stories run together with bullets ("Off the wire" boxes): ``New
    indicators point to slow recovery in Taiwan  • U.S. Secretary of State reaffirms ...  •
    ...``: three or more short items between bullets."""
    items = [t.strip() for t in line.split("•")]
    return len(items) >= 3 and all(0 < word_count(t) <= 25 for t in items[:-1])


DROP_RULES = (
    ("rule", is_rule_line),
    ("teasers", is_teaser_row),
    ("caption", is_caption),
    ("ui", is_ui_control),
    ("breadcrumb", is_breadcrumb),
    ("menu", is_glued_menu),
    ("promo", is_inline_promo),
)
END_RULES = (
    ("comment-form", is_comment_form),
    ("related", is_related_heading),
    ("legal", is_legal_footer),
    ("editor-credit", is_editor_credit),
    ("back-to-top", is_back_to_top),
    ("end-of-story", is_end_of_story),
    ("author-bio", is_author_bio),
)


# --- the shape of the body ---------------------------------------------------------------

def is_prose(line: str) -> bool:
    """A line that reads like article text: five or more words ending like a sentence, or
    a long line (20+ words) of mostly lowercase words (a sentence cut off by the scraper).
    Headlines, bylines and menus fail: they do not end with a full stop."""
    words = word_count(line)
    if words >= 5 and _ends_sentence(line):
        return True
    if words >= 20:
        tokens = line.split()
        lower = sum(1 for t in tokens if t[:1].islower())
        return lower >= 0.3 * len(tokens)
    return False


def is_short_fragment(line: str) -> bool:
    """Fewer than six words and no sentence punctuation: navigation when it trails the body.
    Template markup (``{{ x }}``) is not navigation: it is text to show, escaped."""
    return word_count(line) < 6 and not _ends_sentence(line) and not _TEMPLATE_MARKUP.search(
        line)


def is_title_candidate(line: str) -> bool:
    """Could be a headline: 2-40 words, has letters, does not end with a full stop, is not a
    list item (a summary bullet under the headline)."""
    words = word_count(line)
    return 2 <= words <= 40 and not line.rstrip("\"'”’)").endswith((".", "。")) and bool(
        re.search(r"[^\W\d_]", line)) and not re.match(r"^\s*[-•*·▪]\s", line)


@dataclass
class Layout:
    """An article split into zones.  Lines are logical lines (see :func:`unwrap_block`).

    ``header``/``footer`` keep every line above/below the body (for metadata);
    ``credits`` are metadata lines found inside the body (removed from it);
    ``removed`` lists ``(rule, line)`` for every line taken out of the body zone.
    """

    header: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    title: str | None = None
    bio_names: list[str] = field(default_factory=list)
    byline_names: list[str] = field(default_factory=list)  # from a byline without "By"
    removed: list[tuple[str, str]] = field(default_factory=list)
    #: ``(kind, text)`` of what names places beside the text: photo captions (``caption``,
    #: the line) and a byline's place (``byline``, "Nanjing" of "By Cang Wei in Nanjing")
    margins: list[tuple[str, str]] = field(default_factory=list)


#: "By Cang Wei in Nanjing and Li Hezi", "By MA SI and CHEN BOWEN in Haikou |": the place
#: the reporters wrote from
_BYLINE_PLACE = re.compile(r"\b[Bb][Yy]\s+[^|\n]{1,80}?\bin\s+([A-Z][A-Za-z'’-]+"
                           r"(?:\s+[A-Z][A-Za-z'’-]+)?)")


def _margins(lines: list[str], drop: list[str | None], meta: list[bool],
             end: int) -> list[tuple[str, str]]:
    """The captions and byline places above the footer (see :attr:`Layout.margins`)."""
    out: list[tuple[str, str]] = []
    for i in range(end):
        if drop[i] == "caption":
            out.append(("caption", lines[i]))
        elif meta[i]:
            out.extend(("byline", m.group(1)) for m in _BYLINE_PLACE.finditer(lines[i]))
    return out


def _drop_rule(line: str) -> str | None:
    for name, rule in DROP_RULES:
        if rule(line):
            return name
    return None


def _end_rule(line: str) -> str | None:
    for name, rule in END_RULES:
        if rule(line):
            return name
    return None


def _logical_lines(text: str, markdown: bool) -> tuple[list[str], dict[int, int]]:
    """Logical lines and, for Markdown, {line index: heading level}."""
    lines: list[str] = []
    headings: dict[int, int] = {}
    for block in re.split(r"\n[ \t]*\n", text):
        raw = block.split("\n")
        if markdown:
            converted: list[str] = []
            for ln in raw:
                plain, level = strip_markdown(ln)
                if level:  # a heading is a block of its own
                    lines.extend(unwrap_block(converted))
                    converted = []
                    if plain:
                        headings[len(lines)] = level
                        lines.append(plain)
                    continue
                if _LIST_MARKER.match(ln) or re.match(r"^\s*>", ln):  # an item starts anew
                    lines.extend(unwrap_block(converted))
                    converted = []
                if plain:
                    converted.append(plain)
            lines.extend(unwrap_block(converted))
        else:
            lines.extend(unwrap_block(raw))
    # Bullets are layout, not text ("- Chips and displays" -> "Chips and displays").
    return [" ".join(_BULLET.sub("", ln).split()) for ln in lines], headings


def _split_dated_text(lines: list[str], headings: dict[int, int]
                      ) -> tuple[list[str], dict[int, int]]:
    """A scraper's date line near the top that carries the story's first paragraph becomes
    two lines, the date (metadata) and the paragraph (body text): `split_dated_text`."""
    out: list[str] = []
    moved: dict[int, int] = {}
    for i, line in enumerate(lines):
        moved[i] = len(out)
        parts = split_dated_text(line) if i < 8 else None
        out.extend(parts or (line,))
    return out, {moved[i]: level for i, level in headings.items()}


def split_layout(text: str, *, markdown: bool = False) -> Layout:
    """Split cleaned article text into header, body paragraphs and footer.

    ``text`` is normalised text without front matter.  The body is every logical line from
    the first prose line up to the first end marker, minus lines dropped by DROP_RULES and
    metadata lines, minus trailing short fragments.  An author bio counts as an end marker
    only when at most two prose lines follow it before the next marker (so "The writer is
    ..." in the middle of a story does not cut it short).
    """
    lines, headings = _split_dated_text(*_logical_lines(text, markdown))
    layout = Layout()
    drop = [_drop_rule(ln) for ln in lines]
    meta = [drop[i] is None and is_metadata_line(ln) for i, ln in enumerate(lines)]

    def first_prose(after: int) -> int:
        return next((i for i in range(after, len(lines)) if drop[i] is None and not meta[i]
                     and is_prose(lines[i]) and _end_rule(lines[i]) is None), len(lines))

    # A byline without "By" ("Lin Xiaoyu", "LI MENGQI and TAKESHI ONO, Nikkei staff
    # writers") counts as metadata where it sits next to a timestamp or byline line.
    for i, ln in enumerate(lines[:40]):
        if meta[i] or drop[i] is not None or not (
                (i + 1 < len(lines) and meta[i + 1]) or (i > 0 and meta[i - 1])):
            continue
        names = bare_byline_names(ln)
        if names:
            meta[i] = True
            layout.byline_names = layout.byline_names or list(names)
    start = first_prose(0)
    # A headline or standfirst can read like prose ("Can Dalian's docks rescue China's rust
    # belt?"): when a byline or timestamp follows within three short lines, the story
    # starts after it.
    # (only when prose follows: a one-line story with a closing "(Xinhua)" stays a story)
    for j in range(start + 1, min(start + 4, len(lines))):
        if meta[j]:
            later = first_prose(j + 1)
            if later < len(lines) and all(word_count(lines[k]) <= 40 for k in range(start, j)):
                start = later
            break
    ends = [(i, rule) for i in range(start + 1, len(lines)) if (rule := _end_rule(lines[i]))]
    end = len(lines)
    for n, (i, rule) in enumerate(ends):
        if rule == "author-bio":
            # A bio closes the story: no real paragraphs may follow it before the footer.
            until = ends[n + 1][0] if n + 1 < len(ends) else len(lines)
            if sum(is_prose(ln) for ln in lines[i + 1:until]) > 2:
                continue
            j = i  # the author's name, often repeated, sits right above the bio
            while j - 1 > start and looks_like_person_name(lines[j - 1]):
                j -= 1
            layout.bio_names = list(dict.fromkeys(lines[j:i]))
            end = j
        else:
            end = i
        layout.removed.append((rule, lines[i]))
        break

    layout.header = lines[:start]
    layout.footer = lines[end:]
    body: list[str] = []
    for i in range(start, end):
        if drop[i]:
            layout.removed.append((drop[i] or "", lines[i]))
        elif meta[i]:
            layout.credits.append(lines[i])
            layout.removed.append(("metadata", lines[i]))
        else:
            body.append(lines[i])
    while body and is_short_fragment(body[-1]):
        layout.removed.append(("trailing-fragment", body.pop()))
    layout.body = body
    layout.title = _pick_title(lines[:start], drop[:start], meta[:start], headings)
    layout.margins = _margins(lines, drop, meta, end)
    return layout


def _pick_title(header: list[str], drop: list[str | None], meta: list[bool],
                headings: dict[int, int]) -> str | None:
    """The headline among the header lines.

    A Markdown heading wins.  Otherwise candidates are ranked: right above a
    byline/timestamp line (where sites put the headline) first, then lines that do not look
    like a menu, then longer lines, then earlier ones.  Menus, breadcrumbs and one-word
    section labels are never candidates.
    """
    for i in sorted(headings):
        if i < len(header) and headings[i] <= 2:
            return header[i]
    def stamped(i: int) -> bool:  # a stamp right below, or below a one-word label ("date")
        return (i + 1 < len(header) and meta[i + 1]) or (
            i + 2 < len(header) and meta[i + 2] and word_count(header[i + 1]) <= 1)

    candidates = [i for i, ln in enumerate(header)
                  if drop[i] is None and not meta[i] and _end_rule(ln) is None and (
                      is_title_candidate(ln)
                      # a machine-translated headline may end with a full stop: one sentence,
                      # with the page's stamp right below it
                      or stamped(i) and is_title_candidate(ln.rstrip()[:-1])
                      and ln.rstrip().endswith(".") and not _SENTENCE_BREAK.search(ln))]
    if not candidates:
        return None

    def rank(i: int) -> tuple[bool, bool, int, int]:
        # right above the byline, or above a one-sentence standfirst that is
        above_byline = stamped(i) or (
            i + 2 < len(header) and meta[i + 2] and is_prose(header[i + 1]))
        # then: not a menu; a headline's length (site names and section labels are short;
        # past eight words the earlier line wins: summary bullets come after the headline)
        return above_byline, not _looks_like_menu(header[i]), min(word_count(header[i]), 8), -i

    return header[max(candidates, key=rank)]


_SENTENCE_BREAK = re.compile(r"[a-z0-9%)][.!?]\s+[A-Z]")


def _looks_like_menu(line: str) -> bool:
    """Five or more capitalised words and no punctuation or lowercase word at all:
    ``Home News China World Business Opinion``.  (Title-Case headlines can look the same,
    which is why this only lowers a candidate's rank.)"""
    labelled = re.match(r"^[A-Z][a-z]+\s*:\s+(?=\S)", line)  # "Regions: Central Asia East Asia"
    if labelled:
        line = line[labelled.end():]
    tokens = line.split()
    return len(tokens) >= (3 if labelled else 5) and not re.search(
        r"[,:;'’\"“”?!()]", line) and all(t[:1].isupper() or not t[:1].isalpha() for t in tokens)
