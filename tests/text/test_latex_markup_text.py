"""A title's '<' that is text stays: a MathML element's name alone ('The <math> element', 'the <mi> and <mo>
elements') is the title's words, dropped only inside a MathML formula; the markup of a record is read as before."""

import pytest

from kb.text.latex import latex_to_text, markup_as_latex


@pytest.mark.parametrize("value", [
    "The <math> element in HTML5",
    "MathML in practice: the <mi> and <mo> elements",
    "Rendering <mtable> layouts in browsers",
    "Why the <mspace/> tag is deprecated",
    "A survey of </math> closing tags",
    "Is x<y and y>z decidable?",
])
def test_a_mathml_name_alone_is_a_titles_text(value) -> None:
    assert markup_as_latex(value) == value
    assert latex_to_text(value) == value


@pytest.mark.parametrize("value, text", [
    ('Energy of <math xmlns="http://www.w3.org/1998/Math/MathML"><mi>H</mi><mn>2</mn></math> fuel', "Energy of H2 fuel"),
    ("<math><msub><mi>H</mi><mn>2</mn></msub></math> storage", "H₂ storage"),
    ('<math display="inline"><mrow><mi>x</mi><mspace width="1em"/></mrow></math> test', "x test"),
    ('A <mml:math><mml:mspace width="1em"/><mml:mi>x</mml:mi></mml:math> here', "A x here"),
    ("Effects of <jats:italic>in vitro</jats:italic> culture<jats:break/>", "Effects of in vitro culture"),
    ("CO<sub>2</sub> emissions", "CO₂ emissions"),
])
def test_a_records_markup_is_read_as_its_text(value, text) -> None:
    assert latex_to_text(value) == text
