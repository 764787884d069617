"""What linking (kb.graph.links) and the views (kb.graph.views) share about
the graph's tables: the Semantic Scholar method name, the one "no paper"
check, and chunked IN (...) lists."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from kb.store.queries import chunks, no_paper, resolve_alias

if TYPE_CHECKING:
    from kb.store.sqlite import Database

__all__ = ["S2", "OLDER_READING", "READING", "chunks", "note_reading", "older_reading", "references_waiting",
           "require_paper"]

#: The method (and refs.source) of what Semantic Scholar says.
S2 = "semantic-scholar"

#: Which reading of reference lists (kb.text.refs: find_references, parse_entry) this kb
#: makes: bumped whenever what they give for some text changes. The index records the
#: reading its stored lists were made with, and kb says when `kb rebuild` reads them better.
READING = "52"        # 19: 'Stanford HAI' keyed whole (no initials); 'BERT:' after names given in full a title's
#                       20: a DOI in an entry kb guessed from its PDF (never checked: queries.CHECKED_DOI) links no
#                           reference to it
#                       21: nor does its arXiv id, unless its text carries arXiv's stamp of it (queries.arxiv_stamped)
#                           also: a family name in capitals after given names keyed ('Kenton LEE' lee); bodies' reports
#                           titled after a comma ('Stanford HAI, AI Index Report, Stanford University, 2023.');
#                           'BERT:' after one name given in full a title's; two names in full joined by 'and',
#                           a comma and a title ('Kenton Lee and Jacob Devlin, A study of things, in: ...')
#                       22: a firm's name and its lab's acronym one author ('Meta FAIR' metafair, 'Meta FAIR: ...');
#                           a body's acronym before Springer's colon ('Stanford HAI: AI Index ... Stanford University',
#                           'Stanford CRFM: ...');
#                           a family name of two words and initials without stops ('Ortiz Suárez, PJ:' ortizsuarez);
#                           a title in title case after one name and its initials ('Dupont J. Les Réseaux des ...')
#                           an author-year citation naming no title links its author's one paper of the year whose
#                           title holds a number ('Doe (2023)' of 'Llama 2: ...')
#                       23: a book's title after names given in full and before its publisher ('Jean Dupont, Deep
#                           Neural Networks, Dunod, 2019.'); a title's head and colon after a body's name and comma
#                           ('Google DeepMind, Gemini: ...'); two title words after 'Family I.' before the publisher
#                           ('Dupont J. La Vision. Dunod, 2019.'); no access note after a web address a title ('...
#                           https://..., 2022. Last accessed June 5, 2022.'); a year-like number opening a title after
#                           the names' stop, another year closing the entry ('... Marshall. 2001 SCCM ... , 2003.')
#                       24: a book's edition ends its title in comma style, the publisher and place after it ('Mary
#                           Jones, Deep Learning Methods, 3rd edn, Springer, Berlin, 2019.'); a program's name in
#                           lower case and its colon after a body's name a title's ('NVIDIA, cuDNN: ...'), so a title's
#                           head of words ('Microsoft, ONNX Runtime: ...'); a body's
#                           name of three words or more keyed whole where its web address, a body's domain (.org, .net,
#                           .gov), is its last word; APA's volume leaves no colon on its title; a line
#                           break between two words the paper prints alone, or after a word it compounds elsewhere,
#                           keeps its hyphen ('siamese bert-networks', 'Citation-informed' beside 'citation-based')
#                           names given first with a middle initial, then a book's title in comma style ('Daniel
#                           Jurafsky and James H. Martin, Speech and Language Processing, Prentice Hall, 2009.')
#                           a title's head and colon after names of initials first goes on to its subtitle, an article
#                           first ('S. Russell and P. Norvig, Artificial Intelligence: A Modern Approach, ...'), up to
#                           the publisher after a comma; so after names given in full closed by 'and' ('Stuart Russell
#                           and Peter Norvig, Artificial Intelligence: ...')
#                           a report's kind after its title in comma style ends it ('..., Whitepaper, 2020.'), and its
#                           number's stop closes no list of names ('..., Technical Report No. 12, IEA, 2023.')
#                       25: a personal communication no work's title ('Smith, J. Personal communication, 2021.')
#                           a subtitle after a question runs to 'In' and its container ('What's in a Summary? Laying
#                           the Groundwork for Advances in ... . In Proceedings ...')
#                           a journal, its volume and issue after a title in comma style end it ('Title, Communications
#                           of the ACM, 64(5).')
#                           the proceedings in brackets after a title end it ('Title (Proceedings of the Workshop ...')
#                           so a talk's kind and place after it in comma style ('Title, lecture at UCSB.')
#                           a preprint cited as published the year after, by title alone, is its arXiv id's work
#                           (kb.graph.links: 'Kingma and Ba. Adam: ... ICLR, 2015.' is arxiv:1412.6980)
#                       26: a title's own second sentence and its subtitle in brackets after a question stay in it
#                           ('The HOLJ corpus. supporting ...', 'Do we need it? (And 8 Ways ...)'); a capitalised
#                           particle before a family name given first is of it ('Munmun De Choudhury' dechoudhury);
#                           a Russian initial transliterated in two letters closes its name ('Kuratov, Yu., ...');
#                           a body word misspelt keyed as meant ('US Environmental Protection Agencyy' ...agency)
#                       27: one author's book as 'Family, Title' ('Bishop, Pattern Recognition and Machine Learning.'),
#                           or family names alone ('Goodfellow, Bengio and Courville, Deep Learning.')
#                           makers named in lower case are the author ('Scikit-learn developers. Title.')
#                           pinyin names family name first where a second word is no family name ('Zhang Wei, Li Ming')
#                           a family name's particles cut to initials after the given name's ('Maaten, L. v. d.,')
#                           Nature's title head and colon after the last initials ('& Toutanova, K. BERT: Pre-...')
#                           a body's acronym before its name keyed as the name ('IEA (International Energy Agency)')
#                           a firm keyed without its legal form ('Google LLC. 2023.': google)
#                       28: a place of publication after a title with no quotes is no part of it ('Title, Paris, 2022.'),
#                           nor the title after the year ('Intel. Title, 2021. Santa Clara, CA.'); a standard's number
#                           read before names ('ITU-T L.1801 (2021).' itut), its year the edition's; a thesis's kind
#                           in its language cut ('(Tesis doctoral)'); makers named in lower case ('scikit-learn developers');
#                           a program's one-word name before its version ('Keras (version 2.4).')
#                       29: a bank's or a 'World' body's name keyed whole ('World Bank (2022).' worldbank, was bank)
#                           a legal instrument's title: its designation's sentence, the name after it ('Regulation (EU)
#                           2024/1689 of ...', 'Executive Order 14110, Safe, ...', 'H.R. 3684 — ... Act.': no title)
#                           a SICI DOI whole, its '<361::AID-ASI6>' kept ('10.1002/(SICI)...42:5<361::AID-ASI6>3.0.CO;2-#')
#                       30: a legislature's name keyed whole ('U.S. Congress.' uscongress, was congress), a body's after
#                           'U.S.' ('U.S. Department of Energy.': no author, now usdepartmentofenergy); a date or an
#                           access date after a title no part of it, of any year ('Outlook, June 2022.' Outlook, was
#                           'Outlook, 2022'); nor a work's number in brackets cut by its stop ('Title (No. 367) [Audio
#                           podcast episode].' Title, was 'Title (No')
#                       31: a body's name after 'U. S.' spaced as initials ('U. S. Department of Energy.': no author,
#                           now usdepartmentofenergy); a date in a title keeps its month ('Lockdown diaries, March
#                           2021', was '..., 2021'); '(in press)', '(n.d.)' where the year goes: no year of the rest;
#                           '(2019/2020)', '2019/20': no year, was 2019; a court's case titled by its parties ('Brown
#                           v. Board of Education, 347 U.S. 483 (1954).': no title, now 'Brown v. Board of Education',
#                           so 'In re Bilski, 545 F.3d 943 (Fed. Cir. 2008).');
#                           a program's version after its title's comma cut ('Title, version 1.2.2'); a firm's name
#                           keyed whole ('AT&T.': no author, now att; 'S&P Global' spglobal, 'Marsh & McLennan Companies');
#                           an RFC's number opening its entry no part of its title ('RFC 2119: Key words ...'); nor a
#                           blog's day of posting after the names ('Doe, J. Posted on 3 March 2021. Title.'); a one-word
#                           title before its book's edition ('Textanalyse. 2. Aufl.', 'Statistique. 3e éd.'); a
#                           standard's number after its body's name no title, the next sentence ('IEEE. IEEE Std 754-2019.
#                           IEEE Standard for ...'), nor what it revises in brackets ('IEEE Std 802.3-2018 (Revision
#                           of IEEE Std 802.3-2015). Title.': no author, now ieee and the title)
#                       32: a name printed 'Family Given' keyed on its first word where another entry prints it, or a
#                           co-author of its entry, as a family name ('Tanaka Hiroshi, Suzuki Ichiro.' beside 'Suzuki, I.':
#                           tanaka, was hiroshi); a title alike with a word changed, put in or left out links
#                           no reference ('Carbon free energy in Google Cloud regions' of '... for Google ...': none);
#                           a name and its tagline after a colon keyed by the name ('Wikipedia: The Free Encyclopedia.'
#                           wikipedia, was encyclopedia); two words joined by '&' on the site of their initials a firm's
#                           ('Ernst & Young. 2019. Title. https://www.ey.com/...' ernstyoung, was ernst); an RFC's
#                           authors after its title read ('RFC 2119: Key words ... . S. Bradner. IETF, 1997.' bradner)
#                       33: Vancouver's one author before a colon ('Smith J: A study of things. 2019.' smith, was none);
#                           a standard's one-word title ('RFC 7540. HTTP/2.'); a site's tagline before its date and
#                           page no title ('Our World in Data: The Data Platform. 2023. Energy use ... https://...')
#                       34: a web page's one-word title before the site it is published on ('Energy. Published online
#                           at OurWorldInData.org.': no title, now 'Energy')
#                           a standard's number its title where only its publisher, place and year follow ('ISO 9001:2015.
#                           ISO, 2015.': 'ISO, 2015', now 'ISO 9001:2015')
#                           one name printed both ways as two entries' first author keyed alike on the word the paper
#                           cites or prints with an initial ('Hiroshi Tanaka.' and 'Tanaka Hiroshi.' beside '(Tanaka,
#                           2021)': hiroshi and tanaka, now tanaka twice), neither word alone if nothing says
#                           a conference's place in brackets no part of its proceedings' title ('CHI '19: Proceedings
#                           of ... Systems (Glasgow, Scotland Uk)')
#                           a line opening with a standard's number opens an entry of its own in a list of names and
#                           years ('ISO 9001:2015. ISO, 2015.' was read into the entry before)
#                           a word and a compound adjective's second word broken at a line end keep their hyphen
#                           ('Industrial- strength': 'Industrialstrength', now 'Industrial-strength')
#                           a body named by its field and its country keyed whole ('Statistics Canada. 2020.':
#                           canada, now statisticscanada; 'Innovate UK')
#                           one name printed both ways keyed alike in a list in alphabetical order too, on the word
#                           the two entries' places sort by ('Tanaka Hiroshi.' between sutskever and vaswani: tanaka)
#                       35: a last author whose given name prints a lower-case part opens an entry, the year after
#                           the family name's stop ('..., and Cheng xiang Zhai. 2014.' was read into the entry before)
#                           a standard's number adopted by other bodies keyed by the first ('DIN EN 50600-1:2019.' din,
#                           was none; 'BS EN ISO 14001', 'NIST Special Publication 800-145', 'ANSI/ASHRAE Standard 90.4',
#                           'ETSI EN 303 645 V2.1.1'), and opens an entry at a line's start; an RFC's where its title
#                           follows ('RFC 7540. HTTP/2. IETF, 2015.' was read into the entry before)
#                           a word with a slash closing a sentence at a line's end joins the next line as no URL
#                           ('... Version 2 (HTTP/2).' 'RFC 7540.': title '... (HTTP/2).RFC 7540', now '... (HTTP/2)')
#                           two words joined by '&' or 'and' keyed as a firm where another entry of the list keys them
#                           so ('Ernst & Young. 2020.' beside 'Ernst & Young LLP. 2021.': ernst, now ernstyoung)
#                           an arXiv address broken by a space at a line's end names its id ('https://arxiv.org/ abs/
#                           1908.10084': none, now 1908.10084)
#                           a space before a title's colon or question mark dropped, unless the title is French
#                           ('DeScipher : A Text ...': now 'DeScipher: A Text ...'; 'Réseaux de neurones : étude' kept)
#                       36: a word broken at a line end that closes a compound elsewhere in its entry keeps its hyphen
#                           ('Sentence-bert: ... siamese bert- networks': 'bertnetworks', now 'bert-networks')
#                           a journal named in any Latin letters closes a title ending in a Roman numeral ('... Systeme I.
#                           Monatshefte für Mathematik und Physik, 38(1), 173': read into the title, now its end)
#                           Harvard's chapter title ends before ', in' and its book, edited or with the chapter's pages
#                           ('Computing machinery and intelligence, in The Essential Turing. ..., pp. 433-464')
#                           two words joined by '&' before a firm's publication named by its kind, title-cased, are
#                           the firm ('Ernst & Young. Global AI Survey. 2022.': ernst, now ernstyoung)
#                           a standard's or an RFC's number keys its work in any order ('RFC 9110. HTTP Semantics.' and
#                           '"HTTP Semantics," RFC9110': two title keys, now std:rfc9110), and a title alike of another
#                           number links to no paper ('... RFC 7230.' of the paper whose DOI is 10.17487/RFC7231); an
#                           RFC's DOI keys it alike (doi:10.17487/rfc9110, now std:rfc9110), as do an edition's year in
#                           brackets, 'ISO Standard No. 14064-1:2018' and 'IEEE 754-2019' without 'Std'
#                           a standard's title before its number, publisher and date alone is no author's name
#                           ('HTTP Semantics. RFC 9110, June 2022.': httpsemantics and 'RFC 9110', now none and 'HTTP
#                           Semantics')
#                           a series' number after a title's colon continues the title ('GRADE guidelines: 1.
#                           Introduction—GRADE evidence profiles ...': title 'GRADE guidelines: 1', now whole)
#                           a firm named with its trade keyed whole ('Deloitte Insights. 2020.': insights, now
#                           deloitteinsights; 'Gartner Consulting', 'McKinsey Analytics')
#                       37: a standard's title before a comma and its number is its title ('Hypertext Transfer Protocol
#                           Version 2, RFC 7540': now 'Hypertext Transfer Protocol Version 2'; none before with no
#                           author); a body closed by 'Force' after its kind keyed whole ('Internet Engineering Task
#                           Force': force, now internetengineeringtaskforce)
#                           the sentence after a title's question that its web address spells is the site ('... come
#                           from? Our World in Data. https://ourworldindata.org/...': read into the title, now cut)
#                       38: an entry of names and a year, no title, naming a co-author the one paper of its first
#                           author and year has not links to none ('J. Smith and P. Green, 2021.' of Smith and Brown's
#                           2021 paper: was linked to it)
#                       39: a firm named after its founders keyed whole ('Goldman Sachs': goldmansachs, was sachs;
#                           'Booz Allen Hamilton', 'Morgan Stanley'); a list of Japanese names family name first keyed
#                           on it ('Tanaka Hiroshi and Suzuki Kenji': tanaka, was hiroshi); a suffix in Roman numerals
#                           no acronym ('Hal Daumé III and Daniel Marcu': daume, was haldaumeiiianddanielmarcu; 'Daniel
#                           Marcu and Hal Daumé III': marcu, was daniel); a firm's name joined by '&' before its legal
#                           form keyed whole ('Marks & Spencer Group plc': marksspencergroup, was marks)
#                       39 also: Chicago's names after the first, given first with a middle initial, read as names
#                           ('Maas, Andrew L., Raymond E. Daly, ...': the title was 'Daly, Peter T. Pham, ...')
#                       39 also: a title opening with a quotation keeps its subtitle after the colon ('"Why should I
#                           trust you?": Explaining the predictions of any classifier': was cut at the quote)
#                       39 also: a suffix and its stop closing a name inverted end the list before a title with no
#                           year between ('Steele, G. L., Jr. Common Lisp: The Language.': the title was 'The Language')
#                       39 also: one author, initials first, then a comma: the title ends at the comma before its
#                           series, venue or publisher ('J.-P. Serre, A Course in Arithmetic, Graduate Texts in
#                           Mathematics 7, Springer, 1973.': the series was read into the title)
#                       39 also: Nature's container after 'in', where the entry prints no title, is no title
#                           ('Paszke, A. et al. in Advances in Neural Information Processing Systems 32 (eds ...)': was
#                           the title 'in Advances in ...')
#                       40: a DOI link's query or fragment is no part of its DOI ('https://doi.org/10.1145/…?utm=x',
#                           '…#sec2': read as the DOI '10.1145/…?utm=x', which no paper holds)
#                       41: a firm keyed one way: its '&' as 'and' ('Marks & Spencer': marksandspencer, was
#                           marksspencer), its legal form dropped ('SAP SE': sap, was se; 'BP p.l.c.': bp), a lower-case
#                           one before a bracketed year read ('Marks & Spencer Group plc (2021).': was no author)
#                       42: a firm's 'Corporation' or 'Company' no part of its key ('Microsoft Corporation. 2020.':
#                           microsoft, was microsoftcorporation; not 'Company of Biologists', 'Smith & Company')
#                           also: a family name in capitals before the given names first ('KIM Minjun', 'PARK Ji-woo')
#                       43: a numbered or dotted list whose labels run on from past 1 ('[10]', '[11]', '[12]': the rest
#                           of a list) read where no earlier heading opens one (no list, was); a list's heading printed
#                           again atop its next page, both read as a running header, heads it (no list, was)
#                       44: a line break after a compound's small word keeps its hyphen ('State-of-the-' 'art': was
#                           'State-of-theart'), 'long-' 'term' too; the stored string joins a word a line break split
#                           as the title does ('Energy-ef- ficient' stored as 'Energy-efficient')
#                           also: initials without stops glued before a family name ('JD Smith, RT Jones': smith, was
#                           jd; 'GE Hinton, S Osindero': hinton), not a family name in capitals ('MA Long', 'NG Andrew')
#                           also: a Chinese name family name first among names given first ('Wang Xiaoming, Alice
#                           Brown': wang, was xiaoming), its given name of two syllables or more ('Yang Liu' as before)
#                           also: an organisation's place after a comma no part of its name ('National Institute of
#                           Standards and Technology, Gaithersburg, MD': was nationalinstituteofstandards)
#                           also: names in Han, kana or Hangul parted by a space one name each ('李 明, 王 伟.
#                           深度学习[J].': was no title)
#                       45: a numbered or dotted list's labels a two-column page gives out of order each open their
#                           entry where they are a permutation of a run ('[1]'-'[6]', '[13]'-'[18]', '[7]'-'[12]': [13]
#                           to the end read as the text of [6] and [12], was), the entries in the labels' order
#                           also: in such a list, the tail of an entry cut at a block's foot, read at the end of
#                           another, gives that one no identifier ('[5] ... Measuring the', '[13]'-'[18]',
#                           '... arXiv:2001.00005.': [18] took 2001.00005, was)
#                           also: a numbered list's entry ends before a line opening with a label the list does not
#                           take (out of order with a gap, twice, numbered again from [1]): '[6] ...' then '[13] ...
#                           arXiv:2001.00013.' gave [6] the arXiv id of [13], was
#                           also: an author-year entry of inverted names cut at a column's foot ends where the next
#                           opens, its names then its year ('Chen, L., 2020. Carbon footprint of GPU' then 'Lopez, P.,
#                           2021. Water use ...': one entry titled '... GPU Lopez, P., 2021', was)
#                       46: an author-year entry whose line ends on a word leading on ('Cited as', 'See also', 'versus',
#                           'than', 'via') goes on with the names and year after it ('Chen, L., 2020. Cited as' then
#                           'Brown, A., 2019. Handbook ...': two entries, was)
#                       47: a work's title not printed, its editors' book where the title would be, gives no title
#                           ('Smith, A. (2019). In K. Lee (Ed.), Handbook of parsing (pp. 1-10).': titled 'In K. Lee
#                           (Ed.), Handbook of parsing (pp', was; 'In: Proceedings of ACL' no title either)
#                           also: a publisher or periodical after a title's comma, before the place or the day of the
#                           month, no part of the title ('Global IT Outlook, Ernst & Young, London.', 'Why AI needs
#                           ethics, Fast Company, 3 March.': the title held the name, was)
#                           also: an ACL Anthology link of an event another publisher publishes gives no DOI
#                           ('aclanthology.org/2020.lrec-1.155', 'L18-1001': '10.18653/v1/2020.lrec-1.155', was)
#                           also: a work with no author, its title before the year and its publisher after, has no
#                           author and that title ('Why AI needs ethics. 2019. Fast Company.': author
#                           'whyaineedsethics' and title 'Fast Company', was)
#                       48: a page number or a preprint's status header a page break printed between two lines of one
#                           entry is no word of it ('... between' '4980' 'two documents': in the title, was; 'Hashimoto,'
#                           '10' 'Peter Henderson': the names read as the title)
#                       49: a title's second sentence opening with an article in sentence case is the title's
#                           ('Evidence-based medicine. A new approach to teaching the practice of medicine. Journal of
#                           ...': the title 'Evidence-based medicine', was); not a container or a kind of work after it
#                       50: Nature's book titled before its brackets where a stop of the publisher's name ended the
#                           title ('Information Theory (Cambridge Univ. Press, 2003).': 'Information Theory (Cambridge
#                           Univ', was) and before its edition ('Numerical Recipes 3rd edn (Wiley, 2007)'); Vancouver's
#                           journal after a title's question no subtitle ('Does it work? Am J Public Health. 2015;1:2')
#                           and a sentence in lower case before the journal one ('Can ...? A systematic review. J ...')
#                       51: a numbered entry ('7. ') whose first name opens with a particle in lower case is that
#                           entry, its name a name ('7. van Rossum G, Drake FL. Python 3 ...': no author, no title, and
#                           in a list the entries after it joined to the one before, was)
#                           also: APA's body of no date, its name's words capitalised ('Centers for Disease Control
#                           and Prevention. (n.d.). About sleep.'), is the author and the sentence after it the title
#                           (no author, no title, was)
#                           also: a year before 1950 closing the entry but for its DOI or link is its year ('...,
#                           Jul. 1948, doi: 10.1002/...': no year, was)
#                           also: APA's translator or editor named in brackets after the title is no part of it
#                           ('The origins of intelligence in children (M. Cook, Trans.)': in the title, was)
#                           also: a standard's title opening with its body's name, then its number, is its title
#                           ('IEEE Standard for Floating-Point Arithmetic, IEEE Std 754-2019, 2019.': by 'ieeestandard...'
#                           titled 'IEEE Std 754-2019', was)
#                           also: a web page's title of one word before its site's body and its address is its title
#                           ('(n.d.). Depression. U.S. Department of Health and Human Services. Retrieved ...': no
#                           title, was)
#                           also: a family name opening with a particle, inverted before a given name and its initial,
#                           is whole ('de Solla Price, Derek J. 1965.': 'de', was)
#                       52: an arXiv id a line break cut after its dot or inside its number is read whole where the
#                           next line's digits end it ('arXiv:2302.' '08476.': no arXiv id, was)
#                           also: a page's running head between two lines of an entry is no word of it ('24 A. S.
#                           Luccioni et al.', 'FAccT ’24, June 3–6, 2024, Rio de Janeiro, Brazil Luccioni et al.': in
#                           the title, was)
#                           also: a subtitle in sentence case after a title's question keeps an acronym among its
#                           words, also before APA's '(arXiv:...)' ('How hungry is AI? Benchmarking ... of LLM
#                           inference.': 'How hungry is AI?', was)
#                           also: a quoted title holding a word in double quotes of its own is read whole ('"Making AI
#                           less "thirsty": Uncovering ...,"': 'Making AI less', was)
#                           also: an entry whose arXiv id or DOI names one paper here while its title, first author and
#                           year name another links to neither ('Wu ... (2021). Socio-technological challenges ...
#                           arXiv:2111.00364.' linked the arXiv id's paper, 'Sustainable AI: ...', was)
OLDER_READING = ("the reference lists here were read by an older kb: `kb rebuild` reads them again "
                 "(citation links may then change)")


def require_paper(db: Database, citekey: str) -> tuple:
    """The paper's (citekey, title, year), found by its key or one kept in its `ids` (kb rename, a
    merged import), as kb show, kb claims and kb quote ls find it; NotFound when there is none."""
    row = db.execute("SELECT citekey, title, year FROM papers WHERE citekey = ?", [citekey]).fetchone()
    if row is None and (alias := resolve_alias(db.conn, citekey)) is not None:
        row = db.execute("SELECT citekey, title, year FROM papers WHERE citekey = ?", [alias]).fetchone()
    if row is None:
        raise no_paper(db.conn, citekey)        # the one wording, with the keys it may mean
    return tuple(row)


def note_reading(db: Database, citekey: str) -> None:
    """Keep the meta row 'refs_reading' as the reading (READING) of every stored list when
    all were made with this one; none (an older kb's, or a mix) otherwise. Caller runs
    the transaction, and is storing `citekey`'s list."""
    held = db.execute("SELECT value FROM meta WHERE key = 'refs_reading'").fetchone()
    if held is not None and held[0] == READING:
        return
    others = db.execute("SELECT 1 FROM refs WHERE source = 'text' AND citekey != ? LIMIT 1", [citekey]).fetchone()
    if others is None:              # the first list, or a new index (kb rebuild)
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('refs_reading', ?)", [READING])
    elif held is not None:
        db.execute("DELETE FROM meta WHERE key = 'refs_reading'")


def references_waiting(conn) -> bool:
    """Whether a paper's reference list waits to be read (kb.ops.derive.ensure_references):
    one row looked up, so a command reading the graph loads nothing more when none does.
    An index an older kb made that kb cannot migrate here (read-only) has no such list."""
    try:
        return conn.execute("SELECT 1 FROM refs_later LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError:
        return False


def older_reading(conn) -> bool:
    """Whether some stored reference list was read by an older kb than this one."""
    if conn.execute("SELECT 1 FROM refs WHERE source = 'text' LIMIT 1").fetchone() is None:
        return False
    held = conn.execute("SELECT value FROM meta WHERE key = 'refs_reading'").fetchone()
    return held is None or held[0] != READING
