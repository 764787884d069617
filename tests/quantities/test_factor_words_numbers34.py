"""kb.quantities.quoted: a factor in words with a way ("two orders of magnitude smaller", "an order of magnitude
more") holds a claim's factor of that way and never of the other; an approximation of it ("nearly two orders of
magnitude") only a claim that says one; a bare number never a factor in words ("10" of "an order of magnitude");
"N times out of M" is a share; a mean a sentence names of factors ("factors of ... with geometric means of 0.92 and
1.48") is a factor, an average of nothing else none."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

NAS = ("As Table 4 shows, the actual cost of Evolved Transformer NAS is nearly two orders of magnitude smaller than "
       "previously estimated [Str19].")
HYDRO = ("the models trained using hydroelectricity (the blue dots) are about two orders of magnitude lower in terms of "
         "carbon emissions")
RUN = "so a full run would emit about an order of magnitude more emissions than reported here)."
CARDS = "The man by telepathy or clairvoyance gives the right answer 130 times out of 400 cards."
MEANS = ("Compared to the results in Tables 1 and 4, they differ by factors of 0.53–1.64 and 0.91–2.42 with geometric "
         "means of 0.92 and 1.48, respectively 18 .")
AVERAGE = "The US national datacenter average in 2018 was 1.58, which is the value [Str19] used ; In 2020, it was 1.59 ."


@pytest.mark.parametrize("value, quote", [
    ("nearly 100 times smaller", NAS), ("nearly 100x smaller", NAS), ("about 100 times lower", HYDRO),
    ("about 100x", HYDRO), ("about 10x more", RUN), ("about 10 times more", RUN),
    ("100 times smaller", "The model is two orders of magnitude smaller than GPT-3."),
    ("more than 100x smaller", "The model is more than two orders of magnitude smaller than GPT-3."),
    ("130 out of 400", CARDS), ("32.5%", CARDS), ("1.48x", MEANS), ("0.92x", MEANS), ("1.48", MEANS),
])
def test_right_values_verify(value, quote):
    got = value_in_quote(value, quote)
    assert got.ok, got.reason(value)


@pytest.mark.parametrize("value, quote, said", [
    ("about 100 times higher", HYDRO, "the other way"),
    ("about 10 times less", RUN, "the other way"),
    ("100 times smaller", NAS, "'nearly' that factor, an approximation"),
    ("about 100x smaller", "It is more than two orders of magnitude smaller.", "'more than' that factor, a lower bound"),
    ("100", HYDRO, "a factor in words, no bare number"),
    ("10", RUN, "a factor in words, no bare number"),
    ("2", "It uses twice as much energy.", "a factor in words, no bare number"),
    ("130 out of 401", CARDS, ""), ("33.5%", CARDS, ""),
    ("1.49x", MEANS, ""), ("4x", MEANS, ""),
    ("1.58x", AVERAGE, "as no factor"),
])
def test_wrong_values_are_refused_saying_why(value, quote, said):
    got = value_in_quote(value, quote)
    assert not got.ok
    assert said in got.reason(value)
