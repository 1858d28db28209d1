"""HTML and LaTeX visitors for the talk nodes.

Text, man and texinfo use the visitors of the parent docutils nodes (container, rubric).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the LaTeX writer is not imported for an HTML build)
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

    from fieldnotes.talks.nodes import talk_card, talk_title


def visit_card_html(self: HTML5Translator, node: talk_card) -> None:
    """Open an ``<article>`` (the card's id is the link target)."""
    self.body.append(self.starttag(node, "article", ""))


def depart_card_html(self: HTML5Translator, node: talk_card) -> None:
    """Close the ``<article>``."""
    self.body.append("</article>\n")


def visit_title_html(self: HTML5Translator, node: talk_title) -> None:
    """The title is a paragraph: cards sit anywhere in the outline, so never a heading."""
    self.body.append(self.starttag(node, "p", ""))


def depart_title_html(self: HTML5Translator, node: talk_title) -> None:
    """Close the title paragraph."""
    self.body.append("</p>\n")


def visit_card_latex(self: LaTeXTranslator, node: talk_card) -> None:
    """Open the ``fieldnotestalk`` framed box and place the card's labels."""
    self.body.append("\n\\begin{fieldnotestalk}" + self.hypertarget_to(node, anchor=True) + "\n")


def depart_card_latex(self: LaTeXTranslator, node: talk_card) -> None:
    """Close the framed box."""
    self.body.append("\n\\end{fieldnotestalk}\n")


def visit_title_latex(self: LaTeXTranslator, node: talk_title) -> None:
    """Start the card title (its text is escaped by the translator)."""
    self.body.append("\\fieldnotestalktitle{")


def depart_title_latex(self: LaTeXTranslator, node: talk_title) -> None:
    """End the card title."""
    self.body.append("}\n")
