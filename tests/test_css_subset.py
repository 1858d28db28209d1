"""fieldnotes_handbook.css_subset: stylesheets cut down to the rules a page can use."""

from __future__ import annotations

from fieldnotes_handbook.css_subset import blocks, page_classes, split_selectors, subset

CSS = """/* a comment { with braces } */
@charset "utf-8";
:root{--x:1}
.highlight .k{color:red}
.highlight .nb, .highlight .zz{color:blue}
.unused{color:green}
.a:not(.b) > .c{margin:0}
.sd-tab-set::after{content:"} {"}
@media (prefers-color-scheme:dark){body:not([data-theme=light]) .highlight .k{color:pink}.unused{x:y}}
@media print{.unused{display:none}}
@keyframes sd-fade{from{opacity:0}to{opacity:1}}
@keyframes spin{from{opacity:0}}
.sd-tab-set{animation:sd-fade 1s}
"""


def test_blocks_skip_comments_strings_and_nesting():
    found = list(blocks('a{b:"}"}@media x{c{d:e}}@import "f";'))
    assert found == [("a", 'b:"}"'), ("@media x", "c{d:e}"), ('@import "f";', "")]
    assert split_selectors(".a, .b:is(.c, .d) ,  .e") == [".a", ".b:is(.c, .d)", ".e"]


def test_subset_keeps_what_the_page_can_use():
    classes = page_classes('<div class="highlight"><span class="k">if</span><b class="nb c a">x</b></div>')
    classes |= {"sd-tab-set"}
    kept = subset(CSS, classes)
    assert ".highlight .k{color:red}" in kept
    assert ".highlight .nb, .highlight .zz{color:blue}" in kept  # one selector is enough
    assert ".a:not(.b) > .c{margin:0}" in kept  # a class inside :not() is not required
    assert ":root{--x:1}" in kept and '@charset "utf-8";' in kept
    assert '.sd-tab-set::after{content:"} {"}' in kept
    assert (
        "@media (prefers-color-scheme:dark){body:not([data-theme=light]) .highlight .k{color:pink}}" in kept
    )
    assert ".unused" not in kept and "@media print" not in kept and "comment" not in kept
    # Animations: kept when a kept rule names them.
    assert "@keyframes sd-fade" in kept and "@keyframes spin" not in kept


def test_subset_of_a_page_without_those_classes_keeps_only_the_unconditional():
    assert subset(CSS, set()).splitlines() == ['@charset "utf-8";', ":root{--x:1}"]
