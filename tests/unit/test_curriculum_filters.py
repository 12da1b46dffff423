"""What the filters of module cards offer: only the values the listed modules have, ranges at their bounds."""

from smartshare.core.model import Module
from smartshare.curriculum.filters import filter_options


def module(name: str, **fields) -> Module:
    return Module(id=f"t/{name}", src_uri=f"t/{name}.md", track_id="t", title=name, summary="", objectives=[], **fields)


def test_duration_ranges_include_their_upper_bound():
    def ranges(minutes):
        return [key for key, _, _ in filter_options([module("m", duration=minutes)]).durations]

    assert (ranges(30), ranges(31), ranges(60), ranges(61), ranges(None)) == (
        ["up-to-30"],
        ["30-60"],
        ["30-60"],
        ["over-60"],
        [],
    )


def test_options_are_the_values_of_the_listed_modules_only():
    options = filter_options(
        [
            module("a", level="advanced", audience=["team leads"], tags=["ai", "Data"]),
            module("b", level="beginner", audience=["HR managers", "team leads"], tags=["chatbots"]),
            module("c"),
        ]
    )
    assert options.levels == ["beginner", "advanced"]  # the schema's order, not the alphabet
    assert options.audiences == ["HR managers", "team leads"]
    assert options.tags == ["ai", "chatbots", "Data"]
    assert not filter_options([module("bare")])  # nothing to filter by: no form
