"""``handout-event``: one workshop's details at the top of a handout.

A handout's start page places the block under its title::

    ```{handout-event}
    ```

Without an event file the block prints nothing, so the generic handouts stay as they are.
With one (``-D fieldnotes_event=path/to/event.toml``, a path relative to the configuration
directory; ``make handouts EVENT=...`` passes it), the LaTeX handout prints the event's name
as its subtitle, then the date, venue, project and contact, the network, the etherpad and
slides addresses in full each with a QR code, and the schedule as a table.

The file is read and checked (:mod:`fieldnotes_handbook.event`) when the builder starts, and
its content is only used while the LaTeX is written: the doctrees never hold it, so a later
build without the file is the generic one again. A bad file stops the build with a
configuration error that names the file, the key and the problem.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.latex import LaTeXTranslator

from fieldnotes_handbook.event import Event, EventError, load_event
from fieldnotes_handbook.handouts import qrcode_text

# English names, whatever the build machine's locale.
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Where each builder keeps the checked event of this build (never pickled with the env).
EVENTS: dict[int, Event] = {}


class handout_event(nodes.General, nodes.Element):
    """Placeholder for the event block; LaTeX prints the event of this build, if any."""


class HandoutEvent(SphinxDirective):
    """``handout-event``: where the event's details go in a handout."""

    def run(self) -> list[nodes.Node]:
        """Return the placeholder."""
        node = handout_event()
        self.set_source_info(node)
        return [node]


def long_date(day: date) -> str:
    """*day* written out in British style, e.g. "Saturday 14 March 2026"."""
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def read_event(app: Sphinx) -> None:
    """Load and check the event file named by ``fieldnotes_event``, if any."""
    EVENTS.pop(id(app.builder), None)
    if not app.config.fieldnotes_event:
        return
    path = Path(app.confdir, app.config.fieldnotes_event)
    try:
        EVENTS[id(app.builder)] = load_event(path)
    except EventError as error:
        raise ConfigError(str(error)) from None


def event_latex(self: LaTeXTranslator, event: Event) -> str:
    """The LaTeX of the event block; every value goes through Sphinx's LaTeX escaping."""
    text, uri = self.encode, self.encode_uri

    def field(label: str, value: str) -> str:
        return f"\\mbox{{\\sffamily\\bfseries {label}:}} {text(value)}" if value else ""

    def line(*fields: str) -> str:
        present = [f for f in fields if f]
        return "\\noindent " + " \\quad ".join(present) + "\\par\n" if present else ""

    out = ["\n%% The event's details (fieldnotes_handbook.event_block)\n\\par\n"]
    out.append(line(field("Date", long_date(event.date)), field("Venue", event.venue)))
    out.append(line(field("Project", event.project), field("Ask on the day", event.contact)))
    out.append(
        line(
            field("Network", event.network),
            field("Password", event.password),
            text(event.notes) if event.notes else "",
        )
    )
    links = [(label, url) for label, url in (("Etherpad", event.etherpad), ("Slides", event.slides)) if url]
    if links:
        out.append("\\smallskip\\noindent")
        for label, url in links:
            out.append(
                "\\begin{minipage}[c]{0.49\\linewidth}"
                f"\\qrcode[height=1.5cm]{{{qrcode_text(url)}}}\\hspace{{0.6em}}"
                "\\begin{minipage}[c]{\\dimexpr\\linewidth-2.2cm\\relax}\\raggedright\\footnotesize"
                f"{{\\sffamily\\bfseries {label}}}\\\\"
                # Never break the line right after "https:".
                f"\\sphinxhref{{{uri(url)}}}{{\\mbox{{https://}}\\sphinxnolinkurl{{{uri(url.removeprefix('https://'))}}}}}"
                "\\end{minipage}\\end{minipage}\\hfill"
            )
        out.append("\\par\n")
    if event.schedule:
        out.append("\\smallskip\\noindent{\\sffamily\\bfseries Schedule}\\par\\nobreak\n\\noindent")
        # More than four rows: two columns, read down the left one first.
        half = (len(event.schedule) + 1) // 2 if len(event.schedule) > 4 else len(event.schedule)
        columns = [event.schedule[:half], event.schedule[half:]]
        for column in (c for c in columns if c):
            rows = "".join(f"{text(slot.time)} & {text(slot.title)}\\\\\n" for slot in column)
            out.append(
                "\\begin{minipage}[t]{0.49\\linewidth}"
                "\\begin{tabular}[t]{@{}l@{\\hspace{0.8em}}p{\\dimexpr\\linewidth-3.6em\\relax}@{}}\n"
                f"{rows}\\end{{tabular}}\\end{{minipage}}\\hfill"
            )
        out.append("\\par\n")
    out.append("\\medskip\n")
    return "".join(out)


def visit_latex(self: LaTeXTranslator, node: handout_event) -> None:
    """Print the event's block, and its name as the handout's subtitle (nothing without one)."""
    event = EVENTS.get(id(self.builder))
    if event is None:
        raise nodes.SkipNode
    # The title block is rendered after the body: define the subtitle it prints (conf.py).
    self.elements["maketitle"] = (
        f"\\def\\fieldnoteshandoutsubtitle{{{self.encode(event.name)}}}\n" + self.elements["maketitle"]
    )
    self.body.append(event_latex(self, event))
    raise nodes.SkipNode


def skip(translator: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Other formats print no event block."""
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    """Register the configuration value, the directive and its node."""
    app.add_config_value("fieldnotes_event", "", "", types=frozenset({str}))
    app.add_node(
        handout_event,
        latex=(visit_latex, None),
        html=(skip, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_directive("handout-event", HandoutEvent)
    app.connect("builder-inited", read_event)
