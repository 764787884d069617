"""A claim of a count that names its things more closely than kb reads ("8 A100 GPUs", "8 A100s", "3 BERT-Large
models", "4 TPU v3 pods", "12 language models") holds only a figure of its quote that counts those things: every word
of the claim among the words the quote prints after that figure, in their order (words the quote adds between left
out; case, plural, a hyphen or space in a model's name folded), its last word what the quote counts; a word missing or
another is refused with a reason naming it. The total, per-thing and bound rules apply to such a count as to any."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

RIGHT = [
    ("We trained on 8 P100 GPUs for 3 days.", "8 P100 GPUs", None),
    ("We trained on 8 P100 GPUs for 3 days.", "8 GPUs", None),
    ("We used 8 NVIDIA A100 GPUs.", "8 A100 GPUs", None),
    ("We used 8 NVIDIA A100 GPUs.", "8 NVIDIA A100 GPUs", None),
    ("We used 8 NVIDIA A100 GPUs.", "8 nvidia a100 gpus", None),
    ("We used 8 A100 GPUs.", "8 A-100 GPUs", None),
    ("We used 8 A-100 GPUs.", "8 A100 GPUs", None),
    ("We used 8 A100s.", "8 A100s", None),
    ("We used 8 NVIDIA A100 GPUs.", "8 A100s", None),
    ("Training ran on 256 NVIDIA A100s for 8 days.", "256 A100s", None),
    ("Training ran on 1 V100 for 19 hours.", "1 V100", None),
    ("We fine-tuned 3 BERT-Large models.", "3 BERT-Large models", None),
    ("We fine-tuned 3 BERT Large models.", "3 BERT-Large models", None),
    ("We compare 2 GPT-4 models with 6 GPT-3.5 models.", "2 GPT-4 models", None),
    ("We used 4 TPU v3 pods.", "4 TPU v3 pods", None),
    ("It needs 32 TPUv3 chips.", "32 TPU v3 chips", None),
    ("It needs 32 TPU v3 chips.", "32 TPUv3 chips", None),
    ("The corpus holds 81.1M English-language academic papers.", "81.1M papers", None),
    ("The corpus holds 81.1M English-language academic papers.", "81.1M English-language papers", None),
    ("We trained 12 language models.", "12 language models", None),
    ("ELMo was trained on 3 NVIDIA GTX 1080 Ti GPUs.", "3 GTX 1080 Ti GPUs", None),
    ("They used 4 DGX-2H servers, totaling 64 Tesla V100 GPUs.", "64 V100 GPUs", None),
    ("They used 4 DGX-2H servers, totaling 64 Tesla V100 GPUs.", "4 DGX-2H servers", None),
    ("Training took 6 days on 64 TPU v3s running in Oklahoma.", "64 TPU v3s", None),
    ("We ran on a node of 8 NVIDIA A100-SXM4-80GB GPUs.", "8 A100 GPUs", None),
    ("Training used 2, 4 and 8 A100 GPUs in turn.", "2 A100 GPUs", None),
    ("We used up to 8 A100 GPUs.", "up to 8 A100 GPUs", None),
    ("Each node has 8 H100 SXM GPUs.", "8 H100 SXM GPUs", "node"),
    ("Each server has 2 CPUs, 768 GB of RAM, and 8 A100 GPUs.", "8 A100 GPUs", "server"),
    ("We used 12 pods.", "12 pods", None),
    ("The search takes 32,633 TPU v2 hours instead of 117,780 P100 hours.", "117,780 P100 hours", None),
    ("The search takes 32,633 TPU v2 hours instead of 117,780 P100 hours.", "32,633 TPU v2 hours", None),
    ("It took 36 V100 hours per run.", "36 V100 hours", "run"),
    ("Each run took 36 V100 hours.", "36 V100 hours", "run"),
    ("The jobs lasted between 20 and 25 minutes.", "between 20 and 25 minutes", None),
    ("We train with a learning rate of 0.001.", "0.001 learning rate", None),
    ("at least two abnormal signs (SIRS score of at least 2/4), a blood culture", "2 SIRS score", None),
    ("we have less data points (10 for the former and 11 for the latter)", "11 data points", None),
    ("seeing that she had previously opened 12 of the inline citations helps", "12 inline citations", None),
    ("a candidate set of up to 5 cited papers and 25 (randomly selected) uncited papers", "25 uncited papers", None),
    ("of which 6 are vitals and 28 are laboratory values", "28 laboratory values", None),
    ("Paragraphs (body) 9.9 93.3* Inline cite spans (abstract) 0.7 - Inline cite spans (body) 45.2 46.8 Bibliography entries 27.6", "0.7 cite spans", None),
    ("Paragraphs (body) 9.9 93.3* Inline cite spans (abstract) 0.7 - Inline cite spans (body) 45.2 46.8 Bibliography entries 27.6", "46.8 cite spans", None),
    ("we resolve a total 380.5M citation links between pa- pers (2.6), 156.5M of which can be tied back to their citations", "156.5M citation links", None),
]
WRONG = [
    ("We trained on 8 P100 GPUs for 3 days.", "8 V100 GPUs", None),
    ("We used 8 TPUs.", "8 A100 GPUs", None),
    ("We used 8 V100s.", "8 A100s", None),
    ("We used 8 A100 nodes.", "8 A100s", None),
    ("We used 8 AMD GPUs.", "8 NVIDIA GPUs", None),
    ("We fine-tuned 3 BERT-Base models.", "3 BERT-Large models", None),
    ("We fine-tuned 3 RoBERTa-Large models.", "3 BERT-Large models", None),
    ("We compare 2 GPT-4 models.", "2 GPT-3 models", None),
    ("We compare 2 GPT-4 models.", "2 GPT-4 agents", None),
    ("We used 4 TPU v2 pods.", "4 TPU v3 pods", None),
    ("We used 4 TPU v3 chips.", "4 TPU v3 pods", None),
    ("It needs 16 TPU chips.", "16 TPU v3 chips", None),
    ("Each node has 8 H100 PCIe GPUs.", "8 H100 SXM GPUs", "node"),
    ("Each node has 8 H100 PCIe GPUs.", "8 H100 SXM GPUs", None),
    ("The corpus holds 81.1M English-language academic papers.", "81.1M Chinese-language papers", None),
    ("The corpus holds 81.1M English-language academic papers.", "81.1M journal papers", None),
    ("We trained 12 models.", "12 language models", None),
    ("ELMo was trained on 3 NVIDIA GTX 1080 GPUs.", "3 GTX 1080 Ti GPUs", None),
    ("ELMo was trained on 3 NVIDIA GTX 1080 Ti GPUs.", "3 GTX 1070 Ti GPUs", None),
    ("ELMo was trained on 3 NVIDIA GTX 1080 Ti GPUs.", "3 GTX 1080 GPUs Ti", None),
    ("They used 4 DGX-2H servers.", "4 DGX-2 servers", None),
    ("We ran on a node of 8 NVIDIA A100-SXM4-80GB GPUs.", "8 A100-PCIe GPUs", None),
    ("Training used 2, 4 and 8 A100 GPUs in turn.", "4 H100 GPUs", None),
    ("We used up to 8 V100 GPUs.", "up to 8 A100 GPUs", None),
    ("We used up to 8 A100 GPUs.", "at least 8 A100 GPUs", None),
    ("Each server has 2 CPUs, 768 GB of RAM, and 8 A100 GPUs.", "8 A100 GPUs", None),
    ("We used 8 V100 GPUs and 8 A100 GPUs per node.", "8 A100 GPUs", None),
    ("We used 8 V100s per node.", "8 V100s", None),
    ("We used 12 nodes.", "12 pods", None),
    ("Training ran on 1 P40 for a day.", "1 P100", None),
    ("The search takes 32,633 TPU v2 hours instead of 117,780 P100 hours.", "32,633 TPU v3 hours", None),
    ("The search takes 32,633 TPU v2 hours instead of 117,780 P100 hours.", "117,780 V100 hours", None),
    ("It took 36 V100 hours per run.", "36 V100 hours", None),
    ("Each run took 36 V100 hours.", "36 V100 hours", None),
    ("It took 36 P100 hours.", "36 V100 hours", None),
    ("The corpus holds 81.1M English-language academic papers.", "81.1M English-language papers and books", None),
    ("We train with a learning rate of 0.001.", "0.001 momentum rate", None),
    ("at least two abnormal signs (SIRS score of at least 2/4), a blood culture", "2 SOFA score", None),
    ("we have less data points (10 for the former and 11 for the latter)", "11 test points", None),
    ("seeing that she had previously opened 12 of the inline citations helps", "12 outline citations", None),
    ("a candidate set of up to 5 cited papers and 25 (randomly selected) uncited papers", "25 cited papers", None),
    ("of which 6 are vitals and 28 are laboratory values", "28 vital values", None),
    ("Paragraphs (body) 9.9 93.3* Inline cite spans (abstract) 0.7 - Inline cite spans (body) 45.2 46.8 Bibliography entries 27.6", "46.8 bibliography spans", None),
    ("we resolve a total 380.5M citation links between pa- pers (2.6), 156.5M of which can be tied back to their citations", "156.5M citation papers", None),
]


@pytest.mark.parametrize("quote,value,per", RIGHT)
def test_a_count_naming_what_its_quote_counts_verifies(quote, value, per):
    got = value_in_quote(value, quote, per)
    assert got.ok, got.reason(value)


@pytest.mark.parametrize("quote,value,per", WRONG)
def test_a_count_naming_other_things_is_refused(quote, value, per):
    assert not value_in_quote(value, quote, per).ok


@pytest.mark.parametrize("quote,value,word", [
    ("We trained on 8 P100 GPUs for 3 days.", "8 V100 GPUs", "'V100'"),
    ("We used 8 V100s.", "8 A100s", "'A100s'"),
    ("We fine-tuned 3 BERT-Base models.", "3 BERT-Large models", "'BERT-Large'"),
    ("We used 4 TPU v2 pods.", "4 TPU v3 pods", "'v3'"),
    ("We trained 12 models.", "12 language models", "'language'"),
])
def test_the_reason_names_the_word_the_quote_lacks(quote, value, word):
    got = value_in_quote(value, quote)
    assert not got.ok
    assert word in got.reason(value) and value in got.reason(value)
