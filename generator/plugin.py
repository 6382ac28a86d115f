"""The `briefing` MkDocs plugin: seeds in, site pages out, on every build.

Thin on purpose: it runs `pipeline.run` -> `pages.render_site` and hands the result to MkDocs
as generated files (`File.generated`), kept in a `generator.cache.PageStore` outside docs/
(`.briefing-cache/pages/`, or a temporary folder with `cache: false`), so `mkdocs build` and
`mkdocs serve` do everything and nothing is ever written into docs/. All knowledge of pages
lives in `generator.pages`, which `briefing generate --out DIR` uses too, so both produce the
very same pages.

Decisions (see also docs/about.md):

* Input problems (an empty or undecodable seed, a duplicate, a bad override) are logged as
  MkDocs *warnings*: a plain build shows them and goes on with the other articles, while
  `mkdocs build --strict` (the CI deploy) fails on them. With the plugin's own `strict: true`
  they stop the build at once, even without `--strict`.
* A hand-written page in docs/ whose path a generated page also uses stops the build with a
  PluginError naming both (the hand-written file would silently win or lose otherwise).
* Optional hand-written intro for the home page: `docs/_intro.md` (option `intro`). It is
  taken out of the page set and shown at the top of the generated index.md.
* Generated pages other than the section index pages are `not_in_nav`: they are reached from
  the index pages, which keeps the navigation small (and big sites fast to build).
* Every file in generator/assets/ is published under assets/briefing/; its .js and .css files
  (sorted by name) are appended to extra_javascript / extra_css.
* Relative paths in the plugin config resolve against the folder of mkdocs.yml.
* Generated pages whose body is HTML (generator.htmlpage: articles, regions, themes, ...)
  get an `HtmlPage`, which MkDocs shows without converting Markdown.
* `processes` (0: one per core) sets the extraction workers and the render processes
  (generator.forked; in `serve` too, where a forked child is watched: MkDocs runs threads
  there); in `mkdocs build`, with more than one, a forked child also builds MkDocs' pages
  from the end of its loop while MkDocs builds them from the start (`_share_pages`).
* Material's search entries of a page whose HTML did not change since the last build come
  from a memo (`generator.search_memo`, `.briefing-cache/search.json`) instead of the
  search plugin parsing the page again; the index is the same.
* `mkdocs serve` keeps the last rebuild's extraction entries in memory
  (`pipeline.run(memory=)`), and its pages in the page store: a rebuild after one edit
  extracts and renders what the edit changed, and the overview pages.
"""

from __future__ import annotations

import gc
import hashlib
import html
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from . import forked, htmlblocks, htmlpage, pages
from .cache import PageStore
from .editions import PERIODS
from .limits import Limits
from .search_memo import SearchMemo, page_key

log = get_plugin_logger("briefing")

ASSETS_DIR = Path(__file__).parent / "assets"
ASSETS_URL = "assets/briefing"
OVERRIDES_DIR = Path(__file__).parent / "overrides"
#: the layout overrides/main.html extends for a page the forked child built (it renders
#: nothing: the page is the file the child wrote)
CHILD_BUILT_LAYOUT = "briefing-child-built.html"


class LimitsConfig(base.Config):
    """`limits:` under the plugin: the bounds on one article's work (generator.limits)."""

    file_mb = c.Type(int, default=Limits().file_bytes >> 20)
    line_chars = c.Type(int, default=Limits().line_chars)
    sentences = c.Type(int, default=Limits().sentences)
    figures = c.Type(int, default=Limits().figures)


class BriefingConfig(base.Config):
    """Options under `plugins: - briefing:` in mkdocs.yml."""

    inputs = c.ListOfItems(c.Type(str), default=["seeds"])
    gazetteer = c.Optional(c.File(exists=True))
    taxonomy = c.Optional(c.File(exists=True))
    strict = c.Type(bool, default=False)
    intro = c.Type(str, default="_intro.md")
    #: the caches (.briefing-cache/ beside mkdocs.yml: extraction, pages, search entries);
    #: `false` re-extracts and renders all, keeping pages in a temporary folder
    cache = c.Type(bool, default=True)
    limits = c.SubConfig(LimitsConfig)
    #: editions group the articles by publication date: ISO weeks or calendar months
    edition = c.Choice(PERIODS, default="weekly")
    #: processes that extract the articles and render the pages; 0: one per core. Each
    #: further process needs memory of its own while it works (about 160 MB at 1,000
    #: articles for rendering): 1 keeps the build in one process.
    processes = c.Type(int, default=0)


def limits_from(options: LimitsConfig) -> Limits:
    """The plugin's `limits:` options as the pipeline's frozen Limits (PluginError if a
    value is not a whole number >= 1)."""
    if isinstance(options.file_mb, bool) or options.file_mb < 1:
        raise PluginError(f"briefing: limits.file_mb: expected a whole number >= 1, "
                          f"got {options.file_mb!r}")
    try:
        return Limits(file_bytes=options.file_mb << 20, line_chars=options.line_chars,
                      sentences=options.sentences, figures=options.figures)
    except ValueError as exc:
        raise PluginError(f"briefing: {exc}") from None


_ITEM_TITLE = re.compile(r"(<item>\s*<title>)(.*?)(</title>)", re.DOTALL)


def _escape_title_once(m: re.Match[str]) -> str:
    text = html.unescape(html.unescape(m.group(2)))  # XML escaping, then pages.escape()
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return m.group(1) + escaped + m.group(3)


def asset_files(directory: Path = ASSETS_DIR) -> list[str]:
    """Paths (relative, POSIX) of every asset file, sorted by name: the load order of scripts."""
    if not directory.is_dir():
        return []
    return sorted(p.relative_to(directory).as_posix() for p in directory.rglob("*")
                  if p.is_file() and not p.name.startswith("."))


def _kept(prop: property, decode: Callable[[bytes], Any]) -> property:
    """*prop* (File's `content_bytes` or `content_string`) for a `GeneratedFile`: read from
    where the page store keeps the file, unless content was given (which then wins, as for
    any File)."""

    def get(self: GeneratedFile) -> Any:
        if self._content is None and self.stored is not None:
            with open(self.stored, "rb") as fh:
                return decode(fh.read())
        return prop.fget(self)

    return property(get, prop.fset, doc=prop.__doc__)


class GeneratedFile(File):
    """A generated file, kept in the page store (`generator.cache.PageStore`) at `stored`:
    MkDocs reads a page from there when it converts it, and copies a data file from there,
    so the build never holds every page's bytes (120 MB at 1,000 articles).

    It knows whether its bytes are the same as in the last build (`unchanged`): only a dirty
    build (``mkdocs serve --dirty``) asks (``is_modified``), and then reads, converts and
    writes just the pages whose file changed.
    """

    unchanged: bool = False
    #: where the file's bytes are (whatever `abs_src_path` tells other plugins)
    stored: str | None = None

    @classmethod
    def kept(cls, config: MkDocsConfig, src_uri: str, stored: str, *,
             inclusion: InclusionLevel = InclusionLevel.UNDEFINED,
             source: str | None = None) -> GeneratedFile:
        """The file of *src_uri*, its bytes at *stored*. `abs_src_path` is *source* if given:
        where a page came from, for plugins that want a path (mkdocs-rss-plugin calls
        Path() on it), an article page's seed file; else *stored*."""
        file = cls.generated(config, src_uri, abs_src_path=stored, inclusion=inclusion)
        file.stored = stored
        if source is not None:
            file.abs_src_path = source
        return file

    def is_modified(self) -> bool:
        if self._content is None and self.stored is not None:
            return not (self.unchanged and os.path.isfile(self.abs_dest_path))
        return super().is_modified()

    content_bytes = _kept(File.content_bytes, bytes)
    content_string = _kept(File.content_string, lambda raw: raw.decode("utf-8-sig"))


class HtmlPage(Page):
    """A generated page whose body is HTML (generator.htmlpage): MkDocs reads its front
    matter as for any page, and `render` takes the body as it is instead of converting
    Markdown, adding what the `toc` extension would (permalinks, the table of contents, the
    title) and the ids MkDocs checks links against."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        # MkDocs always loads `toc`; its options (`permalink`) come from mkdocs.yml
        toc_options = (config.mdx_configs or {}).get("toc") or {}
        content, tokens, title, ids = htmlpage.render(self.markdown, toc_options)
        self.content = content
        self.toc = get_toc(tokens)
        self._title_from_render = title
        self.present_anchor_ids = ids
        self.links_to_anchors = {}


def _digest(content: bytes) -> str:
    return hashlib.sha1(content).hexdigest()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while the site is rendered. Rendering makes
    millions of short-lived objects, freed by reference counting as it goes; each of the
    collector's full passes meanwhile walks every object alive (the records, the digest,
    the pages so far): 1-1.5 s of a 6 s rebuild in `mkdocs serve`. Results are the same."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _same_page(location: str, urls: set[str]) -> bool:
    """Whether a search entry's location ("regions/x/#targets") is on one of the pages."""
    return location.split("#", 1)[0] in urls


_INDENT = re.compile(r"\n[ \t\r\n]+")  # ASCII blanks only: a no-break space is text


def trim_chrome(html: str) -> str:
    """*html* with the line breaks and indentation of the theme's templates outside the
    page's ``<article>`` collapsed to one line break.

    Material's templates indent their output: 3.6 KB of the 16.7 KB of chrome every page
    carries (8 MB of a 1,000-article site) is blank space. The page's own content (inside
    ``<article>``) is left as it is, and the chrome holds no ``<pre>`` or ``<textarea>``
    whose spaces would show; a page without an ``<article>`` is returned unchanged."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start:
        return html
    return _INDENT.sub("\n", html[:start]) + html[start:end] + _INDENT.sub("\n", html[end:])


def _nav_paths(nav: Any) -> set[str]:
    """Every page path named in the `nav` config (any nesting)."""
    found: set[str] = set()
    if isinstance(nav, str):
        found.add(nav)
    elif isinstance(nav, list):
        for item in nav:
            found |= _nav_paths(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found |= _nav_paths(value)
    return found


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Generates the briefing pages from the articles under `inputs`."""

    def __init__(self) -> None:
        super().__init__()
        self.serving = False
        # where this plugin's generated files are kept (`_page_store`); a temporary folder
        # for it when the cache is off or its folder is in use by another build
        self._store: PageStore | None = None
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self.base_dir: Path = Path.cwd()
        self.generated: list[str] = []
        self._stashes: dict[str, htmlblocks.Stash] = {}
        self.dirty = False
        # dirty rebuilds: what the last build generated (its paths, under a digest of
        # mkdocs.yml) and this build's
        self._built: tuple[str, set[str]] = ("", set())
        self._building: tuple[str, set[str]] = ("", set())
        # `mkdocs serve`: the extraction cache's entries of the last build (pipeline.run)
        self._extracted: dict[str, dict[str, Any]] = {}
        # the search entries of the last build's pages (generator.search_memo), and the page
        # being indexed: (page, key, remembered entries or None, index length, its `search`)
        self._memo: SearchMemo | None = None
        self._search: Any | None = None  # this build's index of Material's search plugin
        self._searching: tuple[Any, str, Any, int, Any] | None = None
        # `mkdocs build`: the page loop shared with a forked child (`_share_pages`), each
        # page's number in it, the navigation the pages are built with, and the page now
        # being passed through by this process because the child built it
        self._split: forked.MeetingSplit | None = None
        self._split_pages: dict[str, int] = {}
        self._nav: Any = None
        self._from_child: Any = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this hook makes MkDocs keep the plugin between the rebuilds of `mkdocs
        serve`, so that with `--dirty` it knows which generated pages changed."""
        self.dirty = dirty
        self._built = self._building = ("", set())
        self.serving = command == "serve"
        self._extracted = {}
        self._memo = None

    def on_shutdown(self) -> None:
        """Remove the temporary page store, if this plugin made one."""
        self._release_store()
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def _page_store(self) -> PageStore:
        """The page store of this build, begun (locked, the last build's index read): the
        project's `.briefing-cache/pages/`, or with `cache: false`, or when that folder
        cannot be written or another build holds it, a temporary folder kept as long as
        this plugin (so `mkdocs serve` still reuses pages between its rebuilds)."""
        if self.config.cache:
            store = PageStore(self.base_dir / ".briefing-cache" / "pages")
            if store.begin():
                return store
            say = log.info if store.busy else log.warning
            say(f"{store.problem}; this build keeps its pages in a temporary folder")
        if self._scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="briefing-pages-")
        store = PageStore(self._scratch.name)
        if not store.begin():
            raise PluginError(f"briefing: {store.problem}")
        return store

    def _release_store(self) -> None:
        if self._store is not None:
            self._store.release()
            self._store = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.base_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.limits = limits_from(self.config.limits)
        processes = self.config.processes
        if isinstance(processes, bool) or processes < 0:
            raise PluginError("briefing: processes: expected a whole number >= 0 (0: one per "
                              f"core), got {processes!r}")
        if str(OVERRIDES_DIR) not in config.theme.dirs:  # before the theme's own templates
            config.theme.dirs.insert(0, str(OVERRIDES_DIR))
        rss = config.plugins.get("rss")
        if rss is not None:  # runs before rss' own on_config: it comes later in `plugins`
            # mkdocs-rss-plugin resolves a relative cache_dir against the working directory
            if not Path(rss.config.cache_dir).is_absolute():
                rss.config.cache_dir = str(self.base_dir / rss.config.cache_dir)
            # ... and without `image` it writes <image><url>None</url>, invalid RSS 2.0
            favicon = config.theme.get("favicon")
            if not rss.config.image and config.site_url and favicon:
                rss.config.image = config.site_url.rstrip("/") + "/" + str(favicon)
        for rel in asset_files():
            url = f"{ASSETS_URL}/{rel}"
            if "/" in rel:
                continue  # sub-folders hold files the top-level scripts load themselves
            if rel.endswith(".js") and url not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(url)
            elif rel.endswith(".css") and url not in config.extra_css:
                config.extra_css.append(url)
        return config

    def _input_paths(self) -> list[Path]:
        return [p if p.is_absolute() else self.base_dir / p
                for p in (Path(i) for i in self.config.inputs)]

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when seeds or reference data change (mkdocs.yml's `watch` may not list
        them, e.g. for a copied config)."""
        watched = {str(p) for p in self._input_paths() if p.exists()}
        for extra in (self.config.gazetteer, self.config.taxonomy):
            if extra:
                watched.add(extra)
        for path in sorted(watched):
            server.watch(path)
        return server

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        from .pipeline import default_jobs, progress_printer, run
        from .reference import load_gazetteer, load_taxonomy
        from .report import summary

        try:
            gazetteer = load_gazetteer(self.config.gazetteer)
            taxonomy = load_taxonomy(self.config.taxonomy)
        except (OSError, ValueError) as exc:  # ReferenceDataError is a ValueError
            raise PluginError(f"briefing: reference data: {exc}") from exc
        cache_dir = self.base_dir / ".briefing-cache" / "extract" if self.config.cache else None
        corpus = run(list(self.config.inputs), gazetteer=gazetteer, taxonomy=taxonomy,
                     base_dir=self.base_dir, cache_dir=cache_dir,
                     jobs=self.config.processes or None,
                     progress=progress_printer(), limits=self.limits,
                     memory=self._extracted if self.serving else None)
        for warning in corpus.warnings:
            log.warning(warning)
        for problem in corpus.problems:
            log.warning(str(problem))
        if corpus.problems and self.config.strict:
            raise PluginError(f"briefing: {len(corpus.problems)} input problem(s) and "
                              "`strict: true`; first: " + str(corpus.problems[0]))

        intro = None
        intro_file = files.get_file_from_path(self.config.intro) if self.config.intro else None
        if intro_file is not None:
            intro = intro_file.content_string
            files.remove(intro_file)

        self._release_store()  # a build that failed before on_post_build left it held
        store = self._store = self._page_store()
        started = time.perf_counter()
        with _collector_paused():
            # the records' YAML texts as bytes, each text let go as it is encoded (held as
            # text, 2 bytes a character, they were 40 MB at 1,000 articles), and handed
            # over: render_site lets them go once their files are written
            rendered = pages.render_site(corpus.records, gazetteer, taxonomy, intro=intro,
                                         use_directory_urls=config.use_directory_urls,
                                         edition=self.config.edition, site_url=config.site_url,
                                         record_texts={i: corpus.texts.pop(i).encode("utf-8")
                                                       for i in list(corpus.texts)},
                                         store=store,
                                         processes=self.config.processes or default_jobs())
        if store.problem:
            log.warning(store.problem)
        for line in summary(corpus, {"pages": time.perf_counter() - started}).splitlines():
            log.info(line)
        sources = {pages.article_path(rec["id"]): str((self.base_dir / rec["file"]).resolve())
                   for rec in corpus.records}
        in_nav = _nav_paths(config.nav) if config.nav else set(pages.INDEX_PAGES)
        generated: list[str] = []
        config_key = _digest(Path(config.config_file_path).read_bytes()
                             if config.config_file_path else b"")
        last = self._built[1] if self.dirty and self._built[0] == config_key else set()
        for path, changed in rendered.items():
            self._check_collision(files, path, self.base_dir)
            stored = str(store.path(path))
            if path.endswith(".md"):
                inclusion = (InclusionLevel.INCLUDED if path in in_nav
                             else InclusionLevel.NOT_IN_NAV)
                file = GeneratedFile.kept(config, path, stored, inclusion=inclusion,
                                          source=sources.get(path))
                with open(stored, "rb") as fh:
                    if htmlpage.is_html_page(fh.read(4096)):
                        HtmlPage(None, file, config)  # MkDocs keeps a page a plugin gave it
            else:
                file = GeneratedFile.kept(config, path, stored)
            # a dirty build converts again only what changed since the last one it wrote
            file.unchanged = path in last and not changed
            files.append(file)
            generated.append(path)
        for rel in asset_files():
            path = f"{ASSETS_URL}/{rel}"
            self._check_collision(files, path, self.base_dir)
            files.append(File.generated(config, path, abs_src_path=str(ASSETS_DIR / rel)))
            generated.append(path)
        self.generated = generated
        if self._memo is None:  # read after rendering: not in the forked render child
            self._memo = SearchMemo(self.base_dir / ".briefing-cache" / "search.json"
                                    if self.config.cache else None)
        self._memo.begin(dirty=self.dirty)
        self._search = self._search_index(config)  # made by the plugin's on_config
        self._building = (config_key, set(rendered))
        log.info(f"{len(corpus.records)} articles -> {len(rendered)} generated files "
                 f"({len(corpus.problems)} input problems)")
        return files

    # Pre-rendered HTML blocks (generator.htmlblocks): cut out before Markdown, put back
    # after it (searchable ones) and after the search plugin has indexed the page (the rest).
    def on_page_markdown(self, markdown: str, *, page: Any, config: MkDocsConfig,
                         files: Files) -> str:
        markdown, found = htmlblocks.stash(markdown)
        if found.blocks:
            self._stashes[page.file.src_uri] = found
        return markdown

    @event_priority(100)  # before other plugins read the page's HTML (mkdocs-rss-plugin)
    def on_page_content(self, html: str, *, page: Any, config: MkDocsConfig,
                        files: Files) -> str:
        found = self._stashes.get(page.file.src_uri)
        if found is None:
            return html
        if page.present_anchor_ids is not None:  # MkDocs validates links to them
            page.present_anchor_ids |= found.anchor_ids()
        return htmlblocks.restore(html, found, searchable=True)

    # Material's search entries of a page whose HTML did not change since the last build are
    # taken from the memo (generator.search_memo) instead of parsing the page again; those
    # of a page the forked child built (`_share_pages`), from the child.
    @event_priority(50)  # before the search plugin indexes the page
    def _search_from_memo(self, context: Any, *, page: Any, config: MkDocsConfig,
                          nav: Any) -> Any:
        self._searching = None
        from_child = self._built_by_child(page, context)
        index = self._search
        if index is None or self._memo is None:
            return context
        key = page_key(page, self._memo.version)
        if from_child is not None:
            self._memo.put(key, from_child)
            entries = from_child
        else:
            entries = self._memo.get(key)
        self._searching = (page, key, entries, len(index.entries), page.meta.get("search"))
        if entries is not None:  # the plugin leaves the page alone: the entries are known
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return context

    @event_priority(-100)  # after the search plugin has indexed the page
    def _after_search(self, context: Any, *, page: Any, config: MkDocsConfig,
                      nav: Any) -> Any:
        searching, self._searching = self._searching, None
        index = self._search
        if searching is not None and searching[0] is page and index is not None:
            _, key, entries, start, meta = searching
            if entries is None:
                self._memo.put(key, index.entries[start:])  # type: ignore[union-attr]
            else:
                if meta is None:
                    page.meta.pop("search", None)
                else:
                    page.meta["search"] = meta
                index.entries.extend(entries)
        found = self._stashes.pop(page.file.src_uri, None)
        if found is not None and self._from_child is not page:
            page.content = htmlblocks.restore(page.content, found, searchable=False)
        return context

    on_page_context = CombinedEvent(_search_from_memo, _after_search)

    @staticmethod
    def _search_index(config: MkDocsConfig) -> Any | None:
        """The index of Material's search plugin, when it is on (the memo knows its
        entries only)."""
        for plugin in config.plugins.values():
            if type(plugin).__module__ == "material.plugins.search.plugin":
                index = getattr(plugin, "search_index", None)
                if plugin.config.get("enabled", True) and isinstance(
                        getattr(index, "entries", None), list):
                    return index
        return None

    @event_priority(-100)  # after every other plugin has seen the finished page
    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        """The page as written: the theme's indentation trimmed (`trim_chrome`); and a
        generated page's HTML let go once it is in its template: MkDocs keeps every page's
        HTML to the end of the build (about 130 MB at 1,000 articles), though once the page
        is written nothing reads it (the search and RSS plugins took what they index in
        earlier events)."""
        if isinstance(page.file, GeneratedFile):
            page.content = None
        if self._from_child is page:  # the child wrote it: the page is its very text
            self._from_child = None
            page.content = None
            return Path(page.file.abs_dest_path).read_text("utf-8")
        return trim_chrome(output)

    # `mkdocs build` on both cores ----------------------------------------------------------
    @event_priority(-100)  # the navigation as the pages will be built with it
    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self._nav = nav
        return nav

    @event_priority(-100)  # after every other plugin has made the environment its way
    def _share_pages(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Share MkDocs' page loop with a forked child (generator.forked.MeetingSplit).

        MkDocs builds the pages one after the other on one core: each page's theme template
        rendered, the search plugin parsing its HTML, the file written; 13-19 s of a
        1,000-article build while the other core idles. The child, forked here with every
        page read and converted, builds pages from the end of the loop with MkDocs' own
        function, as MkDocs would (every plugin's page events included), and sends back
        each page's search entries and log records; this process builds them from the
        start, and passes each page the child built through the events at its place: its
        entries go into the index there, its records are logged there (so `--strict`
        counts them), and the theme's main template renders nothing for it
        (`briefing_layout`, overrides/main.html), the page being the file the child wrote.
        The site is the same, byte for byte, as with one process.

        Only in `mkdocs build` (no other threads run; `serve` rebuilds few pages), with
        `processes` other than 1, and for pages with the theme's main template."""
        from mkdocs.commands import build as mkdocs_build

        from .pipeline import default_jobs

        self._end_split()
        build_page = getattr(mkdocs_build, "_build_page", None)
        if (self.serving or self.dirty or build_page is None or self._nav is None
                or (self.config.processes or default_jobs()) < 2):
            return env
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        index, nav = self._search, self._nav

        def build_one(k: int) -> tuple[list[dict[str, Any]], list[Any]]:
            file = doc_files[k]
            start = len(index.entries) if index is not None else 0
            with forked.logs_kept() as records:
                build_page(file.page, config, doc_files, nav, env, False,
                           excluded=file.inclusion.is_excluded())
            entries: list[dict[str, Any]] = []
            if index is not None:
                entries = index.entries[start:]
                del index.entries[start:]
            return entries, records

        split = forked.MeetingSplit(build_one, [
            f.page is not None and "template" not in f.page.meta for f in doc_files])
        if split.start():
            self._split = split
            self._split_pages = {f.src_uri: k for k, f in enumerate(doc_files)}
        return env

    def _built_by_child(self, page: Any, context: Any) -> list[dict[str, Any]] | None:
        """In this process's page loop: the search entries of *page* when the child built
        it (its records logged, its template told to render nothing); None when this
        process builds it (the child had not claimed it, or failed)."""
        self._from_child = None
        split = self._split
        k = self._split_pages.get(page.file.src_uri) if split is not None else None
        if split is None or k is None or split.mine(k):
            return None
        done = split.result(k)
        if done is None:
            return None
        entries, records = done
        forked.relog(records)
        context["briefing_layout"] = CHILD_BUILT_LAYOUT
        self._from_child = page
        return entries

    def _end_split(self) -> None:
        if self._split is not None:
            self._split.close()
        self._split, self._split_pages, self._from_child = None, {}, None

    def _keep_templates(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """The theme's compiled templates are kept with the other caches (Jinja's bytecode
        cache): MkDocs makes a new template environment, and compiled the theme's templates
        again, on every build and every rebuild of `mkdocs serve`.

        On a dirty rebuild, drop the previous build's search entries of every page this
        build will convert again. Material's search keeps the previous index and replaces the
        entries of only the first page rebuilt; an edited article rebuilds its region and
        theme pages too, which then showed twice in the results."""
        if self.config.cache and env.bytecode_cache is None:
            folder = self.base_dir / ".briefing-cache" / "jinja"
            try:
                folder.mkdir(parents=True, exist_ok=True)
                env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
            except OSError:
                pass  # it only saves time; the page cache has said so if the folder is bad
        if not self.dirty:
            return env
        rebuilt = {f.url for f in files.documentation_pages() if f.is_modified()}
        for plugin in config.plugins.values():
            prev = getattr(getattr(plugin, "search_index_prev", None), "entries", None)
            if isinstance(prev, list) and rebuilt:
                prev[:] = [e for e in prev if not _same_page(e.get("location", ""), rebuilt)]
        return env

    on_env = CombinedEvent(_keep_templates, _share_pages)

    def on_build_error(self, *, error: Exception) -> None:
        self._end_split()
        self._release_store()

    @event_priority(-100)  # after mkdocs-rss-plugin's on_post_build has written the feeds
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Undo the second escaping of item titles in the RSS feeds (and remember what this build
        wrote, for the next dirty rebuild; and let other builds use the page store: MkDocs
        has read and copied every generated file).

        Page titles reach MkDocs already HTML-escaped (themes print ``page.meta.title``
        raw, see :func:`pages.escape`) and mkdocs-rss-plugin's template escapes item
        titles again, so ``<script>`` arrived as ``&amp;lt;script&amp;gt;``. Each title is
        decoded back to its text and escaped once for XML.
        """
        self._end_split()
        self._built = self._building  # what a dirty rebuild compares with
        self._release_store()
        if self._memo is not None:
            problem = self._memo.save()
            if problem:
                log.info(f"{problem}; continuing without it")
        for feed in sorted(Path(config.site_dir).glob("feed_*.xml")):
            try:
                text = feed.read_text("utf-8")
            except OSError:
                continue
            fixed = _ITEM_TITLE.sub(_escape_title_once, text)
            if fixed != text:
                feed.write_text(fixed, "utf-8")

    @staticmethod
    def _check_collision(files: Files, path: str, base_dir: Path) -> None:
        existing = files.get_file_from_path(path)
        if existing is None:
            return
        where = existing.abs_src_path or path
        if existing.abs_src_path:
            try:
                where = os.path.relpath(existing.abs_src_path, base_dir)
            except ValueError:
                pass
        what = (f"file '{where}' from plugin {existing.generated_by}" if existing.generated_by
                else f"hand-written file '{where}'")
        raise PluginError(
            f"briefing: {what} collides with the generated file '{path}' (generated by "
            f"briefing from its inputs): rename or remove '{where}'"
            + (" (a home-page intro goes in docs/_intro.md)" if path == "index.md" else ""))
