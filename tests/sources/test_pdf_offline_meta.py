"""What `kb add --offline FILE.pdf` files from the PDF alone: a title only from a title page, a year only
from what typeset the paper or what its title page prints, authors only among the names under the title.
A wrong title, year or author filed on a guess goes into references.bib, the citekey and kb ls."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import corpus_path

from kb.sources import pdf
from kb.sources.pdf import Extracted, creation_year_stands, guess_authors, guess_title

# -- a title only from a title page --------------------------------------------------------------------

TITLE_PAGES = [
    # ACL: venue lines first, names with markers, affiliations, e-mail, Abstract
    ("Proceedings of the 58th Annual Meeting, pages 2270–2282\n2270\nSPECTER: Document-level Representation\n"
     "Learning using Citation-informed Transformers\nArman Cohan†∗ Sergey Feldman†∗\n"
     "†Allen Institute for Artificial Intelligence\n{armanc,sergey}@allenai.org\nAbstract\nRepresentation learning",
     "SPECTER: Document-level Representation Learning using Citation-informed Transformers"),
    # a report: its title, its date, its abstract
    ("The PageRank Citation Ranking:\nBringing Order to the Web\nJanuary 29, 1998\nAbstract\nThe importance of",
     "The PageRank Citation Ranking: Bringing Order to the Web"),
    # a name, a year, the first section
    ("Computing Machinery and Intelligence\nA. M. Turing\n1950\n1 The Imitation Game\nI propose to consider the",
     "Computing Machinery and Intelligence"),
    # ACM: names in capitals with their affiliations, the abstract unheaded
    ("Paper Plain: Medical Papers for Everyone\nTAL AUGUST, University of Washington, USA\n"
     "KYLE LO, Allen Institute for Artificial Intelligence, USA\nWhen seeking information not covered in",
     "Paper Plain: Medical Papers for Everyone"),
    # IEEE: 'Abstract—' run into its text; 'Index Terms'
    ("Water Footprint of Data Centres\nMary Shelley, Percy Shelley\nDept. of Energy, Example University\n"
     "Abstract—We measure the water used", "Water Footprint of Data Centres"),
    ("Carbon Accounting for Training\nAnonymous Authors\nKeywords: carbon, training\nwe measure the energy used",
     "Carbon Accounting for Training"),
    # an anonymous submission: the title, then straight to its numbered introduction
    ("Energy of Inference at Scale\n1 Introduction\nLarge models are served to many users", "Energy of Inference at Scale"),
    ("Energy of Inference at Scale\nI. INTRODUCTION\nLarge models are served to many users",
     "Energy of Inference at Scale"),
    ("Energy of Inference at Scale\nA B S T R A C T\nLarge models are served", "Energy of Inference at Scale"),
    ("Energy of Inference at Scale\nJane Roe\njane@example.org\nlarge models are served to many users today",
     "Energy of Inference at Scale"),
]

NOT_TITLE_PAGES = [
    # a page that is a table: its header rows over rows of measures (SciBERT's Table 1, cut out by macOS)
    "Field Task Dataset SOTA BERT-Base SCIBERT\nFrozen Finetune Frozen Finetune\nBio\nNER\n"
    "BC5CDR (Li et al., 2016) 88.857 85.08 86.72 88.73 90.01\nJNLPBA (Collier and Kim, 2004) 78.58 74.05 76.09\n"
    "Table 1: Test performances of all BERT variants on all tasks and datasets.",
    "Model Params Energy Water\nGPT Large\n1.5 2.30 4.1\nBLOOM Small\n0.5 0.80 1.2\nAbstract\n",
    "Method Accuracy F1\nBaseline Model 71.2% 68.0%\nOur Model 75.4% 73.1%\nTable 2: Results.",
    # a figure's labels over its ticks
    "Energy per Query\nModel Size\n0.25\n0.50\n0.75\nFigure 3: Energy per query grows with the model's size.",
    "Training Loss Curves\nValidation Loss\n512\n1024\n2048\nFigure 1: Loss over steps.",
    # a later page: its running header and page number, then its text (arXiv 2305.03393, page 9)
    "Optimized Table Tokenization for Table Structure Recognition 9\norder to compute the TED score. Inference "
    "timing results for all experiments\nwere obtained from the same machine on a single core",
    "Measuring Inference Energy at Scale 7\nthe runs were timed on one machine with an Intel Xeon 8380",
    "Carbon Emissions of Training 12\nwhich we then use to estimate the carbon emitted by training each model",
]


@pytest.mark.parametrize("page, title", TITLE_PAGES)
def test_a_title_page_gives_its_title(page, title):
    assert guess_title(page) == title


@pytest.mark.parametrize("title", ["Emerging Properties of Llama 2", "Stable Diffusion 3", "Scaling Laws 2"])
def test_a_title_ending_in_a_number_is_kept_on_a_page_arxiv_stamps_as_a_papers_first(title):
    """A running header ends in its page number, but arXiv stamps a paper's first page only: there a number ending
    the title is the title's (a model's version), where it was dropped and the file filed under its name."""
    page = f"{title}\nJane Roe\nUniversity of Somewhere\nAbstract\nWe study it."
    assert guess_title(page, stamped=True) == title
    assert guess_title(page) == ""          # unstamped: not told from a later page's header, so no title guessed


@pytest.mark.parametrize("page", NOT_TITLE_PAGES)
def test_a_page_that_is_no_title_page_gives_no_title(page):
    """SciBERT's table page was filed as 'Field Task Dataset SOTA BERT-Base SCIBERT Frozen Finetune ...'."""
    assert guess_title(page) == ""
    assert guess_authors(page, guess_title(page)) == []


# -- a creation date only from what typeset the paper --------------------------------------------------

@pytest.mark.parametrize("producer, creator, stands", [
    ("pdfTeX-1.40.21", "LaTeX with hyperref", True),
    ("pdfTeX, Version 3.14159265-2.6-1.40.21 (TeX Live 2020) kpathsea version 6.3.2", "LaTeX with acmart", True),
    ("LuaTeX-1.17.0", "LaTeX with hyperref", True),
    ("xdvipdfmx (20210318)", "LaTeX with hyperref", True),
    ("Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365", True),
    ("LibreOffice 7.3", "Writer", True),
    # re-made: printed, cut, converted
    ("macOS Version 14.5 (Build 23F79) Quartz PDFContext", "LaTeX with hyperref", False),
    ("Mac OS X 10.15.7 Quartz PDFContext", "Word", False),
    ("Microsoft: Print To PDF", "Microsoft® Word for Microsoft 365", False),
    ("Skia/PDF m120", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120", False),
    ("GPL Ghostscript 9.55.0", "dvips(k) 2021.1", False),
    ("iLovePDF", "", False),
    ("pdfTeX-1.40.21", "Quartz PDFContext", False),          # a producer kept, the PDF printed again
    ("Acrobat Distiller 3.01 for Solaris", "dvipsk 5.58f", False),
    ("cairo 1.16.0 (https://cairographics.org)", "", False),
    ("", "LaTeX with hyperref", False),                       # what made it unsaid
    ("Some Unknown Tool 1.0", "", False),
])
def test_a_creation_date_stands_for_the_year_only_where_the_typesetter_made_the_pdf(producer, creator, stands):
    assert creation_year_stands(producer, creator) is stands
    result = Extracted(pages=[""], extractor="test")
    pdf._set_info(result, "", "", "D:20240822125427Z00'00'", producer, creator)
    assert result.info_year == (2024 if stands else None)
    assert bool(result.remade_by) is not stands


def _meta(page: str, *, producer: str = "macOS Version 14.5 Quartz PDFContext", created: str = "D:20240822",
          title_info: str = "", author_info: str = ""):
    from kb.ops import papers
    result = Extracted(pages=[page], extractor="test")
    pdf._set_info(result, title_info, author_info, created, producer, "LaTeX with hyperref")
    title = guess_title(page)
    result.title_guess, result.author_guess = title, guess_authors(page, title)
    notes: list[str] = []
    return papers._meta_from_pdf(result, Path("paper.pdf"), notes), notes


@pytest.mark.parametrize("page, producer, year", [
    # a page cut by macOS in 2024 from a 2023 paper: the page prints no year, so none
    (NOT_TITLE_PAGES[5], "macOS Version 14.5 Quartz PDFContext", None),
    (NOT_TITLE_PAGES[0], "macOS Version 10.15.7 Quartz PDFContext", None),
    # ... a page that is a table prints a cell '2019' on a line of its own: no year of the paper's
    ("Dataset Year Size\nPubMed\n2019\n1.5 2.30\n", "Microsoft: Print To PDF", None),
    # its title page prints a date, a year, a copyright line: that year
    ("The PageRank Citation Ranking\nLawrence Page\nJanuary 29, 1998\nAbstract\nThe importance", "Skia/PDF", 1998),
    ("Computing Machinery and Intelligence\nA. M. Turing\n1950\n1 The Imitation Game\nI propose", "pdfTeX-1.40.3",
     1950),     # typeset in 2010, the year printed earlier
    ("Water Use of Models\nJane Roe\njane@example.org\nAbstract\nWe measure.\n© 2021 Copyright held by the "
     "owner/author(s).", "Microsoft: Print To PDF", 2021),
    # a typesetter's date where the page prints none
    ("Water Use of Models\nJane Roe\njane@example.org\nAbstract\nWe measure.", "pdfTeX-1.40.21", 2024),
])
def test_a_year_is_the_typesetters_or_what_the_title_page_prints(page, producer, year):
    """arXiv 2305.03393's page 9, cut by macOS in 2024, was filed 2024 (the paper is 2023); SciBERT's table
    page 2021 (2019)."""
    meta, notes = _meta(page, producer=producer)
    assert meta.year == year
    assert any(n.startswith("no year filed") and producer in n for n in notes) is (year is None)


@pytest.mark.parametrize("page", NOT_TITLE_PAGES)
def test_a_pdf_of_no_title_page_is_filed_without_a_title_never_its_file_name(page):
    """arXiv 2305.03393's page 9 was filed with the title 'arxiv-2305.03393v1-page-9', its file's name."""
    meta, notes = _meta(page)
    assert (meta.title, meta.authors, meta.year) == ("", [], None)
    assert meta.key_word == "paper"                   # the name gives the citekey a word, never the title
    assert any(n.startswith("no title filed") and "references.bib" in n for n in notes), notes
    # a /Title the PDF names is its title still
    meta, notes = _meta(NOT_TITLE_PAGES[0], title_info="Pretrained Language Models for Scientific Text")
    assert meta.title == "Pretrained Language Models for Scientific Text"


# -- authors: names only, never an affiliation, a place, a venue or an e-mail -------------------------

@pytest.mark.parametrize("after, authors", [
    ("Ada Lovelace\nGoogle DeepMind\nNew York, NY, USA", ["Ada Lovelace"]),
    ("Ada Lovelace, Alan Turing\nMicrosoft Corporation\nRedmond, WA, United States", ["Ada Lovelace", "Alan Turing"]),
    ("Ada Lovelace and Alan Turing\nNeurIPS 2023 Workshop on Climate Change", ["Ada Lovelace", "Alan Turing"]),
    ("Ada Lovelace\nCarnegie Mellon\nPittsburgh, PA\nada@cmu.edu", ["Ada Lovelace"]),
    ("Ada Lovelace\nMeta AI\nHugging Face", ["Ada Lovelace"]),
    ("Ada Lovelace1, Alan Turing2\n1ETH Zürich, Switzerland\n2Max Planck Institute", ["Ada Lovelace", "Alan Turing"]),
    ("Ada Lovelace\nGoogle Brain\nMountain View, CA", ["Ada Lovelace"]),
    ("Ada Lovelace\nAmazon Web Services", ["Ada Lovelace"]),
    ("Ada Lovelace\nUC Berkeley", ["Ada Lovelace"]),
    ("Ada Lovelace\nNature Climate Change", ["Ada Lovelace"]),
    ("Ada Lovelace\nOpen Access", ["Ada Lovelace"]),
    ("Ada Lovelace\nPublished in Transactions on Machine Learning Research (05/2023)", ["Ada Lovelace"]),
    ("Ada Lovelace ada@example.org\nSan Francisco, California", ["Ada Lovelace"]),
    ("NEW YORK UNIVERSITY, USA\nAda Lovelace", ["Ada Lovelace"]),
    # names a place's words do not unmake ('Georgia', 'Austin', 'Washington' as given or family names)
    ("Georgia Smith, Austin Lee\nUniversity of Washington\nSeattle, WA, USA", ["Georgia Smith", "Austin Lee"]),
    ("Lucy Lu Wang and Zheng Yuan\nAllen Institute for AI", ["Lucy Lu Wang", "Zheng Yuan"]),
])
def test_an_affiliation_a_place_or_a_venue_is_never_an_author(after, authors):
    page = f"Water Use of Language Models\n{after}\nAbstract\nWe measure the water used by models."
    assert guess_title(page) == "Water Use of Language Models"
    assert guess_authors(page, guess_title(page)) == authors


# -- the corpus's real PDFs, as kb add --offline files them --------------------------------------------

CORPUS = [
    ("acl-2020.acl-main.207.pdf", "SPECTER: Document-level", 2020, "Cohan"),
    ("acl-2020.acl-main.447.pdf", "S2ORC: The Semantic Scholar", 2020, "Lo"),
    ("acl-N18-3011.pdf", "Construction of the Literature Graph", 2018, "Ammar"),
    ("arxiv-1708.05894v1.pdf", "An Improved Multi-Output Gaussian", 2017, "Futoma"),
    ("arxiv-2103.15348v2-first-2-pages.pdf", "LayoutParser: A Unified Toolkit", 2021, "Shen"),
    ("arxiv-2302.07302v1.pdf", "CiteSee: Augmenting Citations", 2023, "Chang"),
    ("arxiv-2304.02623v1.pdf", "Beyond Summarization", 2023, "Shen"),
    # a page 9 cut by macOS in 2024, a table page cut in 2021: no title, year or author to file
    ("arxiv-2305.03393v1-page-9.pdf", "", None, None),
    ("scibert-1903.10676-single-table-page.pdf", "", None, None),
    ("pagerank-citation-ranking-1999.pdf", "The PageRank Citation Ranking", 1998, None),
    ("turing-1950-computing-machinery-and-intelligence.pdf", "Computing Machinery and Intelligence", 1950, "Turing"),
]


@pytest.mark.parametrize("name, title, year, first", CORPUS)
def test_the_corpus_pdfs_are_filed_with_what_their_first_pages_print(name, title, year, first):
    import re

    from kb.ops import papers
    from kb.sources.pdf import extract

    result = extract(corpus_path("pdf", name).read_bytes())
    meta = papers._meta_from_pdf(result, Path(name), [])
    assert meta.title.startswith(title) and bool(meta.title) is bool(title), meta.title
    assert meta.year == year
    assert (meta.authors[0].split(",")[0] if meta.authors else None) == first
    printed = " ".join(result.pages[0].split())
    for author in result.author_guess:      # (ACL's /Author names 'Chris Willhelm', its page 'Chris Wilhelm')
        assert author.split()[-1] in printed, author            # every name guessed is printed on the page
        assert not re.search(r"universit|institut|department|@|\d", author, re.I), author
