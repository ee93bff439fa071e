"""The noise guard's pre-check skips _NOISE only where _NOISE cannot match."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enricher.summarize.centroid_lead import _NOISE, _noisy

PIECES = st.sampled_from(
    [
        "the", "bridge", "opened", "By", "by", ".", " ", "  ", "\n", "-", "'", "“", ":", "@", "©", "(", ")",
        "Scroll down for video", "SCROLL DOWN FOR VIDEO", "Click here", "published:", "Updated:", "last updated",
        "Daily Mail Reporter", "All rights reserved", "follow", "Follow @", "read more", "READ MORE", "Watch",
        "watching", "(pictured)", "pictured", "PICTURED", "file photo", "profile photo", "ſcroll", "pıctured",
        "K", "published", "follower", "bypass",
    ]
)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=12).map("".join))
def test_noisy_agrees_with_the_full_pattern(text):
    assert _noisy(text) == bool(_NOISE.search(text))


def test_noisy_examples():
    for text, expected in [
        ("Scroll down for video of the bridge opening.", True),
        ("By . Jane Doe", True),
        ("  Watch the bridge open", True),
        ("The bridge, pictured in May, was pictured again.", True),
        ("The council said the bridge would open in May.", False),
        ("The bypass opened; watchers cheered.", False),
    ]:
        assert _noisy(text) == expected == bool(_NOISE.search(text)), text
