"""Read the Docs' search indexer (``GenericParser``), for tests only: what RTD's search sees.

Adapted from ``readthedocs/search/parsers.py`` in https://github.com/readthedocs/readthedocs.org
(commit 79422edb004afd0367b791ee9f4227013831f96d, the file's last change in the copy we read).
The parsing code is RTD's; removed: reading pages from RTD's storage, logging, the content
hash, the length and section-count limits (our pages are far below them), and long docstrings.
RTD pins ``selectolax==0.4.11``; requirements-dev.txt pins the same.

Copyright (c) 2010-2021 Read the Docs, Inc. & contributors

Permission is hereby granted, free of charge, to any person
obtaining a copy of this software and associated documentation
files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use,
copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following
conditions:

The above copyright notice and this permission notice shall be
included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES
OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT
HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR
OTHER DEALINGS IN THE SOFTWARE.
"""
# ruff: noqa

import itertools
import re

from selectolax.parser import HTMLParser


class GenericParser:
    # Block level elements have an implicit line break before and after them.
    # List taken from: https://www.w3schools.com/htmL/html_blocks.asp.
    block_level_elements = [
        "address",
        "article",
        "aside",
        "blockquote",
        "canvas",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "noscript",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tfoot",
        "ul",
        "video",
    ]

    def _get_page_title(self, body, html):
        first_header = body.css_first("h1")
        if first_header:
            title, _ = self._parse_section_title(first_header)
            return title

        title = html.css_first("title")
        if title:
            return self._parse_content(title.text())

        return None

    def _get_main_node(self, html):
        body = html.body
        main_node = body.css_first("[role=main]")
        if main_node:
            return main_node

        main_node = body.css_first("main")
        if main_node:
            return main_node

        first_header = body.css_first("h1")
        if first_header:
            return self._get_header_container(first_header).parent

        return body

    def _get_header_container(self, h_tag):
        if h_tag.parent.tag == "header":
            return h_tag.parent
        return h_tag

    def _parse_content(self, content):
        """Converts all new line characters and multiple spaces to a single space."""
        content = content.strip().split()
        content = (text.strip() for text in content)
        content = " ".join(text for text in content if text)
        return content

    def _parse_sections(self, title, body):
        document_title = title

        indexed_nodes = []

        for dd, dt, section in self._parse_dls(body):
            indexed_nodes.append(dd)
            indexed_nodes.append(dt)
            yield section

        # Remove all seen and indexed data outside of traversal.
        # We want to avoid modifying the DOM tree while traversing it.
        for node in indexed_nodes:
            node.decompose()

        # Index content for pages that don't start with a title.
        # We check for sections till 3 levels to avoid indexing all the content
        # in this step.
        try:
            content, _ = self._parse_section_content(
                body.child,
                depth=3,
            )
            if content:
                yield {
                    "id": "",
                    "title": document_title,
                    "content": content,
                }
        except Exception:
            pass

        # Index content from h1 to h6 headers.
        for section in [body.css(f"h{h}") for h in range(1, 7)]:
            for tag in section:
                try:
                    title, _id = self._parse_section_title(tag)
                    next_tag = self._get_header_container(tag).next
                    content, _ = self._parse_section_content(next_tag, depth=2)
                    yield {
                        "id": _id,
                        "title": title,
                        "content": content,
                    }
                except Exception:
                    pass

    def _parse_dls(self, body):
        # All terms in <dl>s are treated as sections.
        dls = body.css("dl")

        for dl in dls:
            dts = (node for node in dl.iter() if node.tag == "dt" and node.id)

            for dt in dts:
                title, _id = self._parse_dt(dt)
                dd = dt.css_first("dt ~ dd")

                # We only index a dt with an id attribute and an accompanying dd
                if not dd or not _id:
                    continue

                # Create a copy of the node to avoid manipulating the
                # data structure that we're iterating over
                dd_copy = HTMLParser(dd.html).body.child

                # Remove all nested domains from dd_copy.
                # They are already parsed separately.
                for node in dd_copy.css("dl"):
                    # Traverse all <dt>s with an ID (the ones we index!)
                    for _dt in node.css('dt[id]:not([id=""])'):
                        # Fetch adjacent <dd>s and remove them
                        _dd_dt = _dt.css_first("dt ~ dd")
                        if _dd_dt:
                            _dd_dt.decompose()
                        # Remove the <dt> too
                        _dt.decompose()

                # The content of the <dt> section is the content of the accompanying <dd>
                content = self._parse_content(dd_copy.text())

                yield (
                    dd,
                    dt,
                    {
                        "id": _id,
                        "title": title,
                        "content": content,
                    },
                )

    def _parse_dt(self, tag):
        section_id = tag.attributes.get("id", "")
        return self._parse_content(tag.text()), section_id

    def _clean_body(self, body):
        """Removes nodes with irrelevant content before parsing its sections."""
        nodes_to_be_removed = itertools.chain(
            # Non-content nodes
            body.css("script"),
            body.css("style"),
            body.css("template"),
            body.css("noscript"),
            # Navigation nodes
            body.css("nav"),
            body.css("[role=navigation]"),
            body.css("[role=search]"),
            # Permalinks, this is a Sphinx convention.
            body.css(".headerlink"),
            # Line numbers from code blocks, they are very noisy in contents.
            # This convention is popular in Sphinx.
            body.css(".linenos"),
            body.css(".lineno"),
            # Sphinx doesn't wrap the result from the `toctree` directive
            # in a nav tag. so we need to manually remove that content.
            body.css(".toctree-wrapper"),
        )
        for node in nodes_to_be_removed:
            node.decompose()

        return body

    def _is_section(self, tag):
        is_h_tag = re.match(r"h\d$", tag.tag)
        return is_h_tag or tag.tag == "header"

    def _parse_section_title(self, tag):
        section_id = tag.attributes.get("id", "")
        if not section_id:
            parent = tag.parent
            section_id = parent.attributes.get("id", "")

        return self._parse_content(tag.text()), section_id

    def _parse_section_content(self, tag, *, depth=0):
        contents = []
        section_found = False

        next_tag = tag
        while next_tag:
            if section_found or self._is_section(next_tag):
                section_found = True
                break

            if self._is_code_section(next_tag):
                content = self._parse_code_section(next_tag)
            elif depth <= 0 or not next_tag.child:
                # Calling .text() with deep `True` over a text node will return empty.
                deep = next_tag.tag != "-text"
                content = next_tag.text(deep=deep)
            else:
                content, section_found = self._parse_section_content(tag=next_tag.child, depth=depth - 1)

            if content:
                is_block_level_element = next_tag.tag in self.block_level_elements
                if is_block_level_element:
                    # Add a line break before and after a block level element.
                    contents.append(f"\n{content}\n")
                else:
                    contents.append(content)
            next_tag = next_tag.next

        return self._parse_content("".join(contents)), section_found

    def _is_code_section(self, tag):
        if not tag.css_first("pre"):
            return False

        for c in tag.attributes.get("class", "").split():
            if c.startswith("highlight"):
                return True
        return False

    def _parse_code_section(self, tag):
        nodes_to_be_removed = itertools.chain(tag.css(".linenos"), tag.css(".lineno"))
        for node in nodes_to_be_removed:
            node.decompose()

        contents = []
        for node in tag.css("pre"):
            content = node.text().strip("\n")
            contents.append(self._parse_content(content))
        return " ".join(contents)

    def _process_content(self, page, content):
        """Parses the content into a structured dict."""
        html = HTMLParser(content)
        body = self._get_main_node(html)
        title = ""
        sections = []
        if body:
            body = self._clean_body(body)
            title = self._get_page_title(body, html) or page
            sections = list(self._parse_sections(title=title, body=body))
        return {
            "path": page,
            "title": title,
            "sections": sections,
        }
