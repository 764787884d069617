"""A firm's or a body's name keyed one way in reference strings and in references.bib: its '&' however written (bare,
'\\&', '&amp;') as the word 'and', its legal form (plc, Ltd, Inc., GmbH, AG, S.A., SE, N.V., LLC, Co., Corp.) no part
of its key, and a lower-case legal form before a bracketed year no end of its name."""

import pytest

from kb.text.names import author_key, first_author_key, is_organisation, name_key
from kb.text.refs import parse_entry


@pytest.mark.parametrize("names, key", [
    (["Marks and Spencer", "Marks & Spencer", "Marks \\& Spencer", "Marks &amp; Spencer", "{Marks \\& Spencer}"],
     "marksandspencer"),
    (["Ernst and Young", "Ernst & Young", "Ernst \\& Young"], "ernstandyoung"),
    (["U.S. Fish and Wildlife Service", "U.S. Fish & Wildlife Service"], "usfishandwildlifeservice"),
    (["Bill and Melinda Gates Foundation", "Bill & Melinda Gates Foundation"], "billandmelindagatesfoundation"),
    # (an '&' inside a word is no word 'and': 'AT&T', 'S&P Global', 'R&D Systems')
    (["AT&T", "AT\\&T", "AT&amp;T"], "att"),
    (["S&P Global"], "spglobal"),
    (["R&D Systems"], "rdsystems"),
])
def test_an_ampersand_keys_as_the_word_and(names: list[str], key: str) -> None:
    assert {name_key(n) for n in names} == {key}


@pytest.mark.parametrize("bib, key", [
    ("{Marks & Spencer Group plc}", "marksandspencergroup"),        # (a bare '&', which LaTeX reads as no text)
    ("{Marks \\& Spencer Group plc}", "marksandspencergroup"),
    ("{Marks and Spencer Group plc}", "marksandspencergroup"),
    ("{Procter \\& Gamble Co.}", "procterandgamble"),
    ("{Siemens AG}", "siemens"),
    ("{Nestlé S.A.}", "nestle"),
    ("{BP p.l.c.}", "bp"),
    ("{SAP SE}", "sap"),
    ("{ING Groep N.V.}", "inggroep"),
    ("{Samsung Electronics Co., Ltd.}", "samsungelectronics"),
    ("{Deloitte Touche Tohmatsu Limited}", "deloittetouchetohmatsu"),
    ("{Banco Santander, S.A.}", "bancosantander"),
    ("{Google LLC}", "google"),
    # (a name whose last word is no legal form keeps it: 'Corporation', 'Company' are often of the name)
    ("{Sony Group Corporation}", "sonygroup"),
    ("{McKinsey \\& Company}", "mckinseyandcompany"),
])
def test_a_firm_in_references_bib_keys_as_its_reference_does(bib: str, key: str) -> None:
    name = bib.strip("{}").replace("\\&", "&")
    assert author_key(bib) == first_author_key([bib]) == key
    for text in (f"{name} (2021). Annual report on operations 2021. London.",
                 f"{name}. 2021. Annual report on operations 2021. London."):
        assert parse_entry(text).first_author == key, text


@pytest.mark.parametrize("text, key, title", [
    # a lower-case legal form before a bracketed year: the walk of names read on to the year (was no author)
    ("Marks & Spencer Group plc (2021). Annual report and financial statements 2021. London.", "marksandspencergroup",
     "Annual report and financial statements 2021"),
    ("Marks and Spencer plc (2021). Plan A report. London.", "marksandspencer", "Plan A report"),
    ("HSBC Holdings plc (2022). Annual report and accounts 2022. London.", "hsbcholdings",
     "Annual report and accounts 2022"),
    ("Rolls-Royce Holdings plc (2021). Annual report 2021. London.", "rollsroyceholdings", "Annual report 2021"),
    ("BP p.l.c. (2020). Energy outlook 2020 edition. London.", "bp", "Energy outlook 2020 edition"),
    ("Barclays plc. 2020. Annual report. London.", "barclays", "Annual report"),
    # an '&' escaped as HTML or LaTeX escapes it, in an entry pasted from either (was no author)
    ("Marks &amp; Spencer Group (2021). Annual report 2021. London.", "marksandspencergroup", "Annual report 2021"),
    ("Marks \\& Spencer Group (2021). Annual report 2021. London.", "marksandspencergroup", "Annual report 2021"),
    # a body's name with '&' as with 'and' (was 'fish')
    ("U.S. Fish & Wildlife Service. 2020. Endangered species status review. Washington, DC.",
     "usfishandwildlifeservice", "Endangered species status review"),
    ("Department of Health & Human Services (2019). Healthy people 2030. Washington, DC.",
     "departmentofhealthandhumanservices", "Healthy people 2030"),
    # a legal form of capitals after one or more capitalised words (were plc, se, groep, co, limited)
    ("SAP SE (2021). Integrated report 2021. Walldorf.", "sap", "Integrated report 2021"),
    ("ING Groep N.V. (2020). Annual report 2020. Amsterdam.", "inggroep", "Annual report 2020"),
    ("Samsung Electronics Co., Ltd. (2021). Sustainability report 2021. Suwon.", "samsungelectronics",
     "Sustainability report 2021"),
    ("Deloitte Touche Tohmatsu Limited (2020). Global human capital trends. London.", "deloittetouchetohmatsu",
     "Global human capital trends"),
])
def test_a_firms_name_and_its_legal_form_before_the_year(text: str, key: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (key, title)


@pytest.mark.parametrize("text, key", [
    # people whose initials are printed as a legal form is, or whose family name is one, keep their family names
    ("Kim SE. Deep learning for retinal imaging. Ophthalmology. 2020;127(1):1-10.", "kim"),
    ("Kim SE, Lee AG. Deep learning for retinal imaging. Ophthalmology. 2020;127(1):1-10.", "kim"),
    ("Rose SE, Hesse AG. Cell signalling in yeast. Nature. 2019;5:1-2.", "rose"),
    ("Nguyen NV, Tran BV. Rice yields in the Mekong. Field Crops Res. 2018;1:1-9.", "nguyen"),
    ("Garcia SA (2017) Soil and water. Geoderma 12:1-9.", "garcia"),
    ("Smith, S.A. (2020). A study of things. Journal of Things, 5, 1-10.", "smith"),
    ("Smith, J. and Co, K. (2020). A study of things. Journal of Things, 5, 1-10.", "smith"),
    ("J. Smith and K. Co. 2020. A study of things. In ACL.", "smith"),
    # two people joined by '&' stay two people; a list's lower-case word is no legal form's place
    ("Bender & Koller (2020). Climbing towards NLU. In ACL.", "bender"),
    ("Marks and Spencer, Plan A report, Marks and Spencer Group plc, 2019.", "marksandspencer"),
])
def test_people_are_not_read_as_firms(text: str, key: str) -> None:
    assert parse_entry(text).first_author == key


@pytest.mark.parametrize("name, body", [
    ("U.S. Fish & Wildlife Service", True), ("Centers for Disease Control & Prevention", True),
    ("Bender & Koller", False), ("Smith & Jones", False),
])
def test_an_ampersand_reads_as_and_in_a_bodys_name(name: str, body: bool) -> None:
    assert is_organisation(name) is body
    assert is_organisation(name.replace(" & ", " and ")) is body
