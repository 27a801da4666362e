"""The evidence plugin: MkDocs events in, calls on the ``evidence`` content model out.

Phases (see ``evidence.model.library``): ``on_config`` loads and validates everything,
``on_files`` adds one virtual page per generated page, ``on_page_*`` give each
page its title, context and sanitised body. No content decisions are made here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_theme_dir

from evidence.check.content_names import OwnNames
from evidence.check.safety import sanitize_html
from evidence.model.library import Library, load_library
from evidence.model import cpd_rules
from evidence.outputs import analytics, search_index, share_image, spelling
from evidence.outputs.catalogue import Licence, catalogue_files
from evidence.outputs.csp import BlockedScripts, KnownScripts, Policy, inline_scripts, with_policy
from evidence.outputs.feed import render as render_feed
from evidence.outputs.feed import site_feeds
from evidence.outputs.html_whitespace import collapsed
from evidence.outputs.pages import GeneratedPage, site_pages
from evidence.outputs.prerender import cache_folder, prerender
from evidence.outputs.qr import code_file, code_files, qr_svg
from evidence.outputs import svg_symbols
from evidence.read import routes
from evidence.read.annotations import print_problems
from evidence.read.options import EVIDENCE, plugin_options
from evidence.read.output_folder import refusal
from evidence.read.problems import WARNING, Problem, Problems
from evidence.read.project_files import OUTSIDE, check_published, leaves_project
from evidence.read.sections import CONTRIBUTE, Section, in_section, unlinked
from evidence.read.settings import Settings
from evidence.read.site_identity import SiteIdentity
from evidence.read.languages import MAIN, Languages
from evidence.outputs.page_languages import PageLanguage, hand_written_languages, language_pages, translated_address
from evidence.read.ui_strings import Words, load_words

from . import asset_bundle, local_files, local_identity, theme_config
from .config import EvidenceConfig
from .hidden_links import unlink_hidden
from .html_fixes import fixed as fixed_html
from .incremental import Unchanged
from .minify import is_own_asset, minify_files
from .preview import keep_serving
from .preview_gc import Collector
from .settings_text import escape_nav, escape_settings, striptags, text
from .shell import NavCache
from .page_markdown import PageMarkdown
from .template_cache import template_cache
from .theme_listing import installed_templates, keep_theme_listing


class EvidencePlugin(BasePlugin[EvidenceConfig]):
    def __init__(self) -> None:
        self.library: Library | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.page_languages: dict[str, PageLanguage] = {}  # only on a site with more than one language
        self.feeds_written = False
        self.hidden_urls: set[str] = set()  # where a copy's hidden pages would be; links there become text
        self.serving = False
        self.known_scripts = KnownScripts()
        self.blocked_scripts = BlockedScripts()
        self.own_names = OwnNames()
        self.own_assets: list[str] = []
        self.bundles: dict[str, list[str]] = {}  # bundle -> the files joined into it (asset_bundle.py)
        self.nav_cache = NavCache()
        self.page_markdown = PageMarkdown()
        self.incremental: Unchanged | None = None
        self.collector: Collector | None = None
        self.failure = ""  # MkDocs' message for the last failed build

    def load_config(self, options, config_file_path=None):
        """The shared options schema speaks first, with mkdocs.yml's lines, so the preview and a
        plain ``mkdocs build`` refuse impossible options exactly as ``check`` does, never in MkDocs' words.

        The options are the ones ``check`` read from the file when it has them: MkDocs reads YAML 1.1,
        where a facet named ``on`` is true, and check passing must mean the build passes.
        """
        problems, sound = plugin_options(options, config_file_path, EVIDENCE)
        if problems:
            listed = "\n".join(str(p) for p in problems.sorted())
            raise PluginError(f"{len(problems.errors)} problem(s) in the evidence plugin's options:\n{listed}")
        return super().load_config(sound, config_file_path)

    def on_startup(self, *, command, dirty) -> None:
        """The preview injects an inline live-reload script whose text changes per request:
        no policy could allow it by hash, so pages under ``serve`` carry no policy.
        A preview with dirty builds re-renders only the pages whose inputs changed."""
        self.serving = command == "serve"
        self.incremental = Unchanged() if self.serving and dirty else None
        self.collector = Collector() if self.incremental else None

    def on_shutdown(self) -> None:
        if self.collector:
            self.collector.stop()

    def on_config(self, config):
        config.theme.static_templates.add(svg_symbols.SPRITE)  # the site's icons, drawn once (overrides/assets/images/)
        self.bundles = asset_bundle.rewrite(config)  # our stylesheets and plain scripts, one file each
        if self.config.csp_enabled and not self.serving:
            self.known_scripts = KnownScripts.from_templates(_theme_templates(config))
        self.own_names = OwnNames.from_templates(_theme_templates(config) + _custom_templates(config))
        if self.incremental:
            keep_theme_listing(config.theme)
        self.library, self.pages, self.feeds_written, self.prerendering, self.cache, self.qr_files = None, {}, False, None, None, []  # MkDocs reuses this object for every build in a process
        if not self.config.enabled:
            _refuse_outside_templates(config)
            if config.nav:
                config.nav = _without(config.nav, set(_fixed_pages())) or []
            return config
        root = Path(config.config_file_path).parent
        settings = Settings.from_mapping(root, dict(self.config), Path(config.docs_dir).name, Path(config.config_file_path).name, config.theme.custom_dir, site_url=config.site_url)
        refused = refusal(Path(config.site_dir), settings, "site_dir")  # for `mkdocs build` run directly
        if refused:
            raise PluginError(refused)
        self.library = load_library(settings)
        errors = self.library.problems.errors
        if errors:
            lines = "\n".join(str(p) for p in self.library.problems.sorted() if p.is_error)
            raise PluginError(f"{len(errors)} problem(s) in the content:\n{lines}")
        local_identity.apply(config, settings.local, self.serving)
        config.extra_css += [css for css in local_files.local_stylesheets(self.library) if css not in config.extra_css]
        if config.nav:
            config.nav = local_files.local_nav(config, self.library)
        self.config.update(settings.local.plugin_options)  # checked against the schema already
        if not settings.contribute and config.nav:
            config.nav = _without(config.nav, Section(CONTRIBUTE)) or []
        return config

    def on_files(self, files: Files, config) -> Files:
        files = _own_files(files, config)
        for bundle in asset_bundle.bundle_files(config, files, self.bundles):
            files.append(bundle)
        self.own_assets = _own_assets(files, config) + list(self.bundles)
        if not self.config.enabled:
            return _mark_excluded(files, config, _fixed_pages())
        if not self.library:
            return files
        # Workers compute citations and QR codes while MkDocs converts the Markdown; on_env collects them.
        self.cache = cache_folder(self.library.settings.root, Path(config.site_dir))
        self.prerendering = prerender(self.library, _identity(config), self.cache)
        pages = site_pages(self.library, _identity(config), _today())
        translated, self.page_languages = language_pages(self.library, pages)
        self.pages = {page.src: page for page in pages + translated}
        if self.incremental:
            self.incremental.begin(self.library)
        for page in self.pages.values():
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src, content=page.source(), inclusion=inclusion))
            for download in page.downloads:
                files.append(File.generated(config, download.path, content=download.content, inclusion=InclusionLevel.NOT_IN_NAV))
        # Flyers' QR codes: files made now holding their address (what the preview compares), drawn in on_env,
        # once prerender's workers have drawn them.
        summaries = [page.src for page in self.pages.values() if page.template == "research.html"]
        self.qr_files = [(File.generated(config, path, content=address), address) for path, address in code_files(summaries, _identity(config))]
        for file, _ in self.qr_files:
            files.append(file)
        for path, text in catalogue_files(self.library, _identity(config), Licence.from_settings(self.library.settings)):
            files.append(File.generated(config, path, content=text, inclusion=InclusionLevel.NOT_IN_NAV))
        if self.library.cpd:
            script = cpd_rules.browser_script(self.library.cpd, self.library.frameworks)
            files.append(File.generated(config, routes.cpd_rules_script(), content=script))
        for code in self.library.settings.languages.codes:
            files.append(File.generated(config, routes.search_words(code), content=spelling.word_list(self.library, code), inclusion=InclusionLevel.NOT_IN_NAV))
        files.append(File.generated(config, routes.share_image(), content=share_image.share_png(config.site_name, self.library.settings.local.colours.get("header") or _brand_colour(config, self.bundles))))
        files = local_files.add_local_files(files, config, self.library)
        files = self._place_translations(files)
        self.hidden_urls = local_files.hidden_urls(files, self.library)
        files = local_identity.add_colours(files, config, self.library.settings.local)
        if not self.library.settings.contribute:
            files = _without_section(files, config, CONTRIBUTE)
        files = self._add_feeds(files, config)
        if self.incremental:
            self.incremental.mark(files, self.pages, self.library)
        return files

    def _place_translations(self, files: Files) -> Files:
        """A hand-written page's translation is written at the original's address under /<code>/ (about.cy.md
        -> cy/about/); links in it resolve from the original's folder, as the check read them. One the
        site does not publish is left out, not published at /about.cy/."""
        languages = self.library.settings.languages
        for translation in self.library.page_translations:
            file, original = files.get_file_from_path(translation.src), files.get_file_from_path(translation.original)
            if file and original:
                file.dest_uri = translated_address(translation, languages, original.dest_uri)
                for cached in ("url", "abs_dest_path"):  # MkDocs caches both from dest_uri
                    file.__dict__.pop(cached, None)
        for src in self.library.untranslated_pages:
            file = files.get_file_from_path(src)
            if file:
                file.inclusion = InclusionLevel.EXCLUDED
        self.page_languages.update(hand_written_languages(self.library))
        return files

    def _add_feeds(self, files: Files, config) -> Files:
        """Atom needs absolute addresses: without a site_url (or without summaries) there are no feeds,
        and links to them are information, not broken links."""
        feeds = site_feeds(self.library) if config.site_url else []
        self.feeds_written = bool(feeds)
        if not feeds:
            return _mark_excluded(files, config, [routes.feed()])

        def render(feed):
            return render_feed(feed, self.library, config.site_url, config.site_name, config.theme.get("language", "en"))

        for feed in feeds:
            content = self.incremental.feed(feed, render) if self.incremental else render(feed)
            files.append(File.generated(config, feed.path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_nav(self, nav, config, files):
        escape_nav(nav.items)
        self.nav_cache = NavCache(nav.pages)  # a fresh cache per build: the tree may have changed
        return nav

    def on_env(self, env, config, files):
        """Last event before templates render: settings are escaped here, after the feeds and share image used them."""
        if self.prerendering:
            self.prerendering.finish()
        for file, address in self.qr_files:
            file.content_string = code_file(address)
        env.bytecode_cache = template_cache(self.cache)  # before the first template is loaded
        escape_settings(config)
        env.filters["striptags"] = striptags
        env.filters["icon_symbol"], env.filters["icon_use"] = svg_symbols.symbol, svg_symbols.use
        env.filters["theme_config"] = theme_config.lean
        env.globals["nav_cache"] = self.nav_cache
        env.globals["library"] = self.library
        hidden = set(self.library.hidden_pages) if self.library else set()
        env.globals["published"] = lambda src: src not in hidden  # a copy may hide pages (local/settings.yml)
        env.globals["routes"] = routes
        env.globals["search"] = search_index
        env.globals["share"] = share_image
        env.globals["qr"] = qr_svg
        env.globals["analytics"] = analytics.from_settings(self.library.settings) if self.library else analytics.Analytics()
        env.globals["analytics_can_see"], env.globals["analytics_cannot_see"] = analytics.CAN_SEE, analytics.CANNOT_SEE
        env.globals["feeds_enabled"] = self.feeds_written
        env.globals["ui"] = _english_words(config, self.library, self.config.data_dir)
        # hreflang alternates for sitemap.xml (overrides/sitemap.xml); empty on a site in one language
        env.globals["page_alternates"] = {src: found.alternates for src, found in self.page_languages.items() if found.alternates}
        if self.incremental:
            self.incremental.restore(files)
        return env

    def on_pre_page(self, page, config, files):
        self.page_markdown.install(page)  # one Markdown instance for every page (page_markdown.py)
        return page

    def on_page_markdown(self, markdown, page, config, files):
        generated = self.pages.get(page.file.src_uri)
        if generated:
            page.meta["title"] = generated.title
            page.meta["description"] = generated.description
        _escape_meta(page.meta)
        return markdown

    # Run last, so the sanitiser sees the final HTML other plugins produced.
    @event_priority(-100)
    def on_page_content(self, html, page, config, files):
        page.title = text(page.title)  # known now: from the nav, the front matter or the first heading
        _rename_toc(page.toc, self.own_names.renames(html))
        return sanitize_html(html, self.own_names)

    def on_page_context(self, context, page, config, nav):
        if self.incremental:
            self.incremental.remember(page)
        generated = self.pages.get(page.file.src_uri)
        if generated:
            context.update(generated.context)
        language = self.page_languages.get(page.file.src_uri)
        if language:  # a page with versions in other languages: its words, switcher and alternates
            context["i18n"], context["ui"] = language, self.library.words[language.language]
        return context

    # Run last: the policy hashes the inline scripts of the finished HTML.
    @event_priority(-100)
    def on_post_page(self, output, page, config):
        if self.library and not self.library.settings.contribute:  # links in content and templates alike
            output = unlinked(output, page.file.dest_uri, CONTRIBUTE)
        return self._finish(output, page.file.dest_uri, _source(page.file, config))

    @event_priority(-100)
    def on_post_template(self, output_content, template_name, config):
        """404.html is rendered as a static template, not a page (sitemap.xml too: left alone)."""
        return self._finish(output_content, template_name) if template_name.endswith(".html") else output_content

    def _finish(self, html: str, name: str, source: tuple[str, str] | None = None) -> str:
        html = fixed_html(html)
        if self.library:
            html = unlink_hidden(html, name, self.hidden_urls, self.library.settings.site_path)
        if self.config.csp_enabled and not self.serving:
            scripts = inline_scripts(html)  # found once, for the policy and for the warnings
            html = with_policy(html, self._policy(), self.known_scripts, scripts)
            self.blocked_scripts.record(name, html, self.known_scripts, source, scripts)
        return collapsed(html)

    def _policy(self) -> Policy:
        """The council's extra sources, plus the analytics engine's origin only when counting is switched on."""
        extra = {k: tuple(v) for k, v in self.config.csp_sources.items()}
        counting = analytics.from_settings(self.library.settings) if self.library else analytics.Analytics()
        for directive, sources in counting.csp_sources().items():
            extra[directive] = extra.get(directive, ()) + sources
        return Policy(extra)

    def on_pre_build(self, config) -> None:
        self.blocked_scripts = BlockedScripts()

    def on_post_build(self, config) -> None:
        """Blocked scripts are warnings printed like content problems, not MkDocs warnings:
        ``strict: true`` would turn those into a failed build, and the site is safe as built."""
        print_problems(self.blocked_scripts.problems())
        if not self.serving:  # the preview keeps readable sources
            minify_files(Path(config.site_dir), self.own_assets)
        if self.collector:
            self.collector.after_build()

    def on_serve(self, server, config, builder):
        """Editing a summary, vocabulary, framework or reading path rebuilds the preview, like editing a page;
        a rebuild that fails shows its problems in the browser instead of leaving it waiting."""
        server.builder = keep_serving(server.builder, Path(config.site_dir), self._content_errors)
        if self.library:
            settings = self.library.settings
            for folder in (settings.summaries_dir, settings.data_dir, settings.frameworks_dir, settings.reading_paths_dir, settings.practice_weeks_dir, settings.events_dir, "local"):
                if settings.path(folder).is_dir():
                    server.watch(str(settings.path(folder)))
        return server

    def on_build_error(self, error) -> None:
        self.failure = str(error)

    def _content_errors(self) -> list[str]:
        """What stopped the last build, for the preview's problems page: the content's problems, or MkDocs' message."""
        if self.library and self.library.problems.errors:
            return [str(p) for p in self.library.problems.sorted() if p.is_error]
        return [line for line in self.failure.splitlines() if line.strip()]


def _brand_colour(config, bundles: dict[str, list[str]]) -> str:
    """The share image takes the header colour from the site's own stylesheets (brand.css), when set there."""
    css = [Path(config.docs_dir) / name for name in asset_bundle.sources(config.extra_css, bundles) if name.endswith(".css")]
    return share_image.brand_colour("\n".join(path.read_text(encoding="utf-8") for path in css if path.is_file()))


def _english_words(config, library: Library | None, data_dir: str) -> Words:
    """The interface's words in the main language: the content's, or (plugin switched off) the data folder's."""
    if library:
        return library.words[library.settings.languages.main]
    root = Path(config.config_file_path).parent
    return load_words(root / data_dir / "ui", root, Languages(), Problems())[MAIN]


def _today() -> dt.date:
    """Which events are past is decided on the day of the build: rebuild the site to move a session into the record."""
    return dt.date.today()


def _identity(config) -> SiteIdentity:
    return SiteIdentity(config.site_name, config.site_url or None, config.theme.get("language", "en"))


def _theme_templates(config) -> list[str]:
    """The installed theme's own templates, not custom_dir: inline scripts in overrides get no hash."""
    return list(installed_templates(get_theme_dir(config.theme.name))) if config.theme.name else []


def _custom_templates(config) -> list[str]:
    """The site's own templates (overrides/): their ids are the page's too."""
    folder = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    return [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.html"))] if folder and folder.is_dir() else []


def _rename_toc(items, renames: dict[str, str]) -> None:
    """The table of contents links to headings by id: it follows a heading the sanitiser renamed."""
    for item in items if renames else []:
        item.id = renames.get(item.id, item.id)
        _rename_toc(item.children, renames)


def _source(file: File, config) -> tuple[str, str] | None:
    """(path from the project root, text) of a hand-written page, so a warning can point into it."""
    if file.generated_by or not file.abs_src_path:
        return None
    return f"{Path(config.docs_dir).name}/{file.src_uri}", file.content_string


def _refuse_outside_templates(config) -> None:
    """Jinja reads templates itself, so a linked one cannot be dropped like a file: with the plugin on,
    the content check refuses it; switched off, this does."""
    problems = Problems()
    if config.theme.custom_dir:
        check_published(Path(config.theme.custom_dir), Path(config.config_file_path).parent, problems)
    if problems:
        raise PluginError("\n".join(str(p) for p in problems.sorted()))


def _own_files(files: Files, config) -> Files:
    """Pages and theme assets whose real file is outside the project are not published. With the
    plugin on, the content check has already refused the build; this also guards it switched off."""
    root = Path(config.config_file_path).parent
    ours = [Path(config.docs_dir), *(Path(d) for d in [config.theme.custom_dir] if d)]
    refused = []
    for file in list(files):
        source = Path(file.abs_src_path) if file.abs_src_path and not file.generated_by else None
        if source and any(folder in source.parents for folder in ours) and leaves_project(source, root):
            files.remove(file)
            refused.append(Problem(_rel(source, root), 1, OUTSIDE.format(what="file"), WARNING))
    print_problems(refused)
    return files


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _own_assets(files: Files, config) -> list[str]:
    """Stylesheets and scripts from docs_dir, minified after the build (the theme's are already)."""
    docs = Path(config.docs_dir).resolve()
    return [f.dest_uri for f in files
            if f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(docs) and is_own_asset(f.dest_uri)]


def _fixed_pages() -> list[str]:
    """Pages the plugin makes whatever the content: the nav and hand-written pages link to them."""
    return [
        routes.field_reference(), routes.starter(), routes.browse_index(), routes.reading_paths(),
        routes.cpd_index(), routes.coverage(), routes.my_cpd(), routes.feed(), routes.open_data(), routes.practice_weeks(), routes.events(),
    ]


def _without_section(files: Files, config, section: str) -> Files:
    """A section that is off: its hand-written pages are known but not built, like the generated ones."""
    for file in files:
        if in_section(file.src_uri, section):
            file.inclusion = InclusionLevel.EXCLUDED
    return _mark_excluded(files, config, [routes.field_reference(), routes.starter()])


def _without(nav, drop):
    """The ``nav`` setting minus entries for ``drop``: with the plugin disabled, those pages do not exist."""
    if isinstance(nav, str):
        return None if nav in drop else nav
    if isinstance(nav, dict):
        kept = {title: item for title, item in ((t, _without(i, drop)) for t, i in nav.items()) if item}
        return kept or None
    return [item for item in (_without(i, drop) for i in nav) if item] or None


def _mark_excluded(files: Files, config, srcs: list[str]) -> Files:
    """Known but not built. A hand-written link to one is then reported as information, as MkDocs
    does for any page left out of a build, not as a broken link that stops a strict build."""
    for src in srcs:
        if not files.get_file_from_path(src):
            files.append(File.generated(config, src, content="", inclusion=InclusionLevel.EXCLUDED))
    return files


def _escape_meta(meta: dict) -> None:
    """Material prints page.meta title, description and subtitle (in the nav) without escaping; escape them once here."""
    for key in ("title", "description", "subtitle", "status"):
        if isinstance(meta.get(key), str) and not isinstance(meta[key], Markup):
            meta[key] = escape(meta[key])
