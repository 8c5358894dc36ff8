"""Issue 24: sections 4.9 and 4.10's listings on the pages they belong to (In[1]-In[4] on
the activations page; In[5], In[6], In[9], In[10], In[14] on the softmax page), each with
the book's printed output digit for digit (checked against the reference chapter)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_tuner_page import app

# The reference chapter beside the main checkout or beside the worktrees (/work/shared).
REFERENCE = next((up / "shared" / "reference" for up in Path(__file__).resolve().parents
                  if (up / "shared" / "reference").is_dir()), Path("shared/reference"))
# What the book prints, copied from the chapter (checked against it below when present).
BOOK = {
    1: "[0, 2, 0, 3.3, 0, 1.1, 2.2, 0]",
    2: "[0, 2, 0, 3.3, 0, 1.1, 2.2, 0]",
    4: "[[0.         0.         0.        ]\n [0.         0.00011395 0.        ]\n"
       " [0.         0.00031729 0.        ]\n [0.         0.00052666 0.        ]\n"
       " [0.         0.00071401 0.        ]]",
    5: "Exponentiated values:\n[121.51041751893969, 3.3534846525504487, 10.85906266492961]",
    6: "Normalized exponentiated values:\n"
       "[0.8952826639573506, 0.024708306782070668, 0.08000902926057876]\n"
       "Sum of normalized values: 1.0",
    9: "2.718281828459045\n22026.465794806718\n2.6881171418161356e+43\ninf",
    10: "0.0 1.0",
    14: "\n".join(["[[0.33333334 0.33333334 0.33333334]",
                   *[" [0.33333334 0.33333334 0.33333334]"] * 3,
                   " [0.33333334 0.33333334 0.33333334]]"]),
}
PAGES = {"pages/activations.py": (1, 2, 3, 4), "pages/softmax.py": (5, 6, 9, 10, 14)}


def test_the_expected_outputs_are_the_books():
    chapter = REFERENCE / "ch4-chapter.txt"
    if not chapter.exists():
        pytest.skip("no reference chapter here")
    text = chapter.read_text()
    for number, printed in BOOK.items():
        after = text.split(f"In [{number}]:", 1)[1].split("In [", 1)[0]
        assert printed in after, number
    table = (REFERENCE / "ch4-listings.md").read_text()
    assert all(f"| In[{number}] |" in table for number in BOOK)


@pytest.mark.parametrize("page", list(PAGES))
def test_each_listing_is_on_its_page_with_the_books_output(page):
    at = app()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    headings = " ".join(m.value for m in at.markdown)
    codes = [c.value for c in at.code]
    for number in PAGES[page]:
        assert f"**In[{number}]**" in headings, number
        if number in BOOK:
            assert BOOK[number] in codes, (number, codes)
    if 9 in PAGES[page]:
        assert any("overflow encountered in exp" in c.value for c in at.caption)
        assert not any(re.search(r"inf\s+#", c) for c in codes)  # the warning is not output
