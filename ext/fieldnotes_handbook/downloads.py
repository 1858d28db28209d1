"""The ``handout`` role: a download link to one of the PDF handouts.

::

    {handout}`attendee`                       -> "Download (PDF, 12 pages, 229 kB)"
    {handout}`Print the attendee handout <attendee>`

The names and titles of the handouts come from ``fieldnotes_handouts`` in ``conf.py``.

Where the link leads depends on the build:

- With ``fieldnotes_handout_pdfs`` set to the directory that ``make handouts`` fills
  (``_build/handouts``, relative to the configuration directory), the HTML build copies the
  PDFs to ``handouts/handout-<name>.pdf`` in its output and links them with their page count
  and size from the manifest (:mod:`fieldnotes_handbook.handout_files`). The Read the Docs
  html job and ``make html handouts`` build this way.
- Without it (a plain ``make html``, where TeX may be missing), and in every other format,
  the link leads to the same path on the published site (``html_baseurl``).

Warning ``fieldnotes.handout.unknown``: the role names no handout of ``fieldnotes_handouts``;
``fieldnotes.handout.no-pdf``: ``fieldnotes_handout_pdfs`` is set but holds no such PDF.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from fieldnotes.sphinx_internals import current_builder
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title
from sphinx.util.osutil import relative_uri

from fieldnotes_handbook.handout_files import read_manifest

logger = logging.getLogger(__name__)

# Where the PDFs live in the HTML output and on the published site.
SITE_DIR = "handouts"
# Builders whose output directory is the site: they serve the copied PDFs.
SITE_BUILDERS = {"html", "dirhtml"}


class handout_download(nodes.Inline, nodes.Element):
    """Placeholder for a handout link: ``name``, ``text``, and ``pages``/``bytes`` when built."""


def site_path(name: str) -> str:
    """The path of handout *name*'s PDF under the site's root."""
    return f"{SITE_DIR}/handout-{name}.pdf"


def pdf_dir(config: Config) -> Path | None:
    """The directory of built handouts this build serves, if any (absolute: see setup)."""
    value = config.fieldnotes_handout_pdfs
    return Path(value) if value else None


def absolute_pdf_dir(app: Sphinx, config: Config) -> None:
    """Make ``fieldnotes_handout_pdfs`` absolute, relative to the configuration directory."""
    if config.fieldnotes_handout_pdfs:
        config.fieldnotes_handout_pdfs = str(Path(app.confdir, config.fieldnotes_handout_pdfs).resolve())


def size_text(size: int) -> str:
    """A file size for people: "229 kB", "1.2 MB"."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} kB"


class HandoutRole(SphinxRole):
    """``{handout}`name``` or ``{handout}`text <name>```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """Return the placeholder, with the PDF's facts when this build serves the PDFs."""
        _, title, name = split_explicit_title(self.text)
        name = name.strip()
        node = handout_download(name=name, text=title if title != name else "Download")
        self.set_source_info(node)
        if name not in self.config.fieldnotes_handouts:
            logger.warning(
                "handout: no handout called %r (see fieldnotes_handouts in conf.py)",
                name,
                location=node,
                type="fieldnotes",
                subtype="handout.unknown",
            )
            return [nodes.Text(title)], []
        folder = pdf_dir(self.config)
        if folder is not None:
            # Read this page again whenever the handouts are rebuilt.
            self.env.note_dependency(str(folder / "handouts.json"))
            built = read_manifest(folder).get(name)
            if built is None:
                logger.warning(
                    "handout: %s holds no PDF of %r; run `make handouts` first",
                    folder,
                    name,
                    location=node,
                    type="fieldnotes",
                    subtype="handout.no-pdf",
                )
            else:
                node["pages"], node["bytes"] = built.pages, built.bytes
        return [node], []


class ResolveHandoutLinks(SphinxPostTransform):
    """Turn each placeholder into a link to the copied PDF or to the published one."""

    default_priority = 100

    def run(self, **kwargs: Any) -> None:
        """Replace the placeholders of this document."""
        builder = current_builder(self.env)
        served = builder.name in SITE_BUILDERS and pdf_dir(self.config) is not None
        docname = self.env.current_document.docname or self.document.get("docname", "")
        for node in list(self.document.findall(handout_download)):
            name = node["name"]
            if served and "pages" in node:
                here = builder.get_target_uri(docname)
                uri = relative_uri(here, site_path(name))
                facts = f" (PDF, {node['pages']} pages, {size_text(node['bytes'])})"
            else:
                base = self.config.html_baseurl or ""
                uri = f"{base.rstrip('/')}/{site_path(name)}"
                facts = " (PDF, on the published site)"
            title = self.config.fieldnotes_handouts[name]
            link = nodes.reference(
                "",
                node["text"],
                refuri=uri,
                internal=served and "pages" in node,
                classes=["fieldnotes-handout-download"],
                reftitle=f"{title} (PDF)",
            )
            node.replace_self([link, nodes.inline(facts, facts, classes=["fieldnotes-handout-facts"])])


def copy_pdfs(app: Sphinx, exception: Exception | None) -> None:
    """Put the built PDFs into the site's ``handouts/`` folder."""
    folder = pdf_dir(app.config)
    if exception is not None or folder is None or app.builder.name not in SITE_BUILDERS:
        return
    target = Path(app.outdir, SITE_DIR)
    built = read_manifest(folder)
    if built:
        target.mkdir(exist_ok=True)
    for info in built.values():
        shutil.copy2(folder / info.file, target / info.file)


def setup(app: Sphinx) -> None:
    """Register the configuration values, the role and the link resolution."""
    app.add_config_value("fieldnotes_handouts", {}, "env", types=frozenset({dict}))
    app.add_config_value("fieldnotes_handout_pdfs", "", "env", types=frozenset({str}))
    app.connect("config-inited", absolute_pdf_dir)
    app.add_node(handout_download)
    app.add_role("handout", HandoutRole())
    app.add_post_transform(ResolveHandoutLinks)
    app.connect("build-finished", copy_pdfs)
