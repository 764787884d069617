"""Units for numeric claims: one pint registry, built lazily, with kb's own dimensions.

pint is imported only inside functions, so `kb --help` never pays for it.

Dimension choices (each one is there to stop a wrong sum from passing silently):

- CO2-equivalent mass is its own base dimension ``[co2e]``: ``kg CO2e`` never adds
  to or converts into plain ``kg``. Units: gCO2e (and every SI prefix of it:
  kgCO2e, MtCO2e...), tCO2e (metric ton), lbCO2e, short_ton_CO2e. Papers write
  "CO2" where they mean CO2e (Strubell et al. label the column "CO2e (lbs)" and
  the caption "CO2 emissions"), so "kg CO2" is read as kgCO2e.
- "ton"/"tons" is pint's US short ton for plain mass *and* for CO2e; "t",
  "tonne", "metric ton" and "MT" are 1,000 kg.
- Accelerators are counted in ``[accelerator]`` (``gpu``, ``tpu``, ``chip``,
  ``accelerator`` are the same unit: kb checks dimensions, not hardware). A
  GPU-hour is ``gpu * hour``, dimension ``[accelerator] * [time]``: it never adds to
  plain hours, and "60 GPUs for 4 hours" is 240 GPU-hours as it should be.
- Things processed (inference, image, query, generation, request, prediction,
  sample, prompt, token, parameter, step) share one ``[count]`` dimension, so
  "kWh per image" and "kWh per inference" agree in a check's arithmetic, while "kWh per
  1,000 images" stays distinct from a plain kWh total. A claim is held to its quote's
  noun, though: "2 kWh/image" is no figure of "2 kWh per run" (kb.quantities.quoted).
- Data rates: "mbps", "Gbps", "Gb/s" are bits a second ("GBps", "MB/s" bytes a second).
- FLOPs are ``[compute]``; "FLOP", "FLOPs" (the plural) and an unprefixed "FLOPS" are read as
  a count of operations (papers write "3.14E+23 FLOPS" for GPT-3's training), a rate is written
  "FLOP/s", or "FLOPS" with a prefix ("24.6 TFLOPS", "3.2 PetaFLOPS", "125 teraflops"; "TFLOPs" is
  a count); a per second written after FLOPS is the same rate, not one per second squared
  ("TFLOPS/s", "PetaFLOPS/sec"). kb.quantities.quoted reads a claim's unprefixed "FLOPS" as either.
  ``pflop_s_day`` ("PFLOP/s-day") is 8.64e19 FLOP.
- Money: each currency is its own dimension (``[currency_USD]``, ``[currency_EUR]``,
  ``[currency_GBP]``): kb never converts between currencies.
- ``%`` is 0.01 (dimensionless); "x", "×", "times", "fold" are plain ratios.

User units are figures a person states, such as ``smartphone_charge = "0.012 kWh"``.
Here each one is only a name with a base dimension of its own in pint
(``[kbuser_smartphone_charge]``, see `register_user_unit`); its value, with its
precision, lives in a `kb.quantities.userunits.UserUnits` object that callers pass
around. `parse_unit` reads a user unit's name only when told it is one
(``user_names``); without any, it reads the registry's units alone, the same in
every process whatever user units exist elsewhere.
"""

from __future__ import annotations

import contextvars
import difflib
import functools
import re
import threading
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Collection

from kb.atomic import said
from kb.errors import UsageError
from kb.text.display import close_names
from kb.text.lazyre import lazy

if TYPE_CHECKING:  # pragma: no cover
    import pint


# kb's definitions, in pint's definition syntax. Kept as data so the registry
# is built in one place and `kb --help` never imports pint.
_DEFINITIONS = [
    # CO2-equivalent mass: its own dimension.
    "gram_co2e = [co2e] = gCO2e = g_co2e",
    "tonne_co2e = 1e6 * gram_co2e = tCO2e = t_co2e = metric_ton_co2e",
    "pound_co2e = 453.59237 * gram_co2e = lbCO2e = lb_co2e",
    "short_ton_co2e = 2000 * pound_co2e = short_ton_CO2e",
    # Things processed: one countable dimension.
    "item = [count] = _ = items",
    "inference = item = _ = inferences",
    "image = item = _ = images",
    "query = item = _ = queries",
    "generation = item = _ = generations",
    "request = item = _ = requests",
    "prediction = item = _ = predictions",
    "sample = item = _ = samples",
    "prompt = item = _ = prompts",
    "token = item = _ = tokens",
    "parameter = item = _ = parameters",
    "step = item = _ = steps",
    # Other things papers count ("we trained 12 models", "about 4 passengers"): the
    # same [count] dimension. Only what is counted, never a yardstick a person might
    # define as a user unit ("car", "flight", "household", "charge").
    *[f"{w} = item = _ = {w}s" for w in (
        "model", "passenger", "paper", "participant", "user", "server", "node",
        "experiment", "trial", "layer", "epoch", "task", "dataset", "language", "region",
        "citation", "author", "document", "sentence", "word", "question", "article",
        "instance", "example", "annotator", "worker", "publication", "venue", "patient",
        "feature", "datacenter", "processor", "device", "configuration", "job",
        "architecture", "checkpoint", "hyperparameter", "label", "domain", "interview",
        "session", "response", "method", "team", "organization", "benchmark", "prototype")],
    *[f"{w} = item = _ = {pl}" for w, pl in (
        ("person", "people"), ("country", "countries"), ("entity", "entities"),
        ("study", "studies"), ("category", "categories"), ("company", "companies"))],
    # Named plain numbers: "a PUE of 1.2" keeps its name as its unit (1 PUE = 1).
    "PUE = 1 = _",
    # "3 pp", "3 percentage points": a difference of percentages, in percent's size (a claim
    # keeps the two apart: kb.quantities.quoted).
    "percentage_point = 0.01",
    # "3 ‰" is 0.3 %; "5 ‱" (basis points) is 0.05 %.
    "permyriad = 1e-4 = _ = basis_point = basis_points",
    # Computation.
    "floating_point_operation = [compute] = FLOP = flop = FLOPs = FLOPS = flops",
    "pflop_s_day = 1e15 * FLOP / second * day = PFLOP_s_day = pfs_day = petaflop_s_day",
    # Accelerators and accelerator-time.
    "accelerator = [accelerator] = _ = accelerators = chip = chips",
    "gpu = accelerator = GPU = GPUs = gpus",
    "tpu = accelerator = TPU = TPUs = tpus",
    "gpu_hour = gpu * hour = GPU_hour",
    "gpu_day = gpu * day = GPU_day",
    "gpu_week = gpu * week = GPU_week",
    "gpu_year = gpu * year = GPU_year",
    "tpu_hour = tpu * hour = TPU_hour",
    "tpu_day = tpu * day = TPU_day",
    "tpu_week = tpu * week = TPU_week",
    "tpu_year = tpu * year = TPU_year",
    "accelerator_hour = accelerator * hour",
    "accelerator_day = accelerator * day",
    "accelerator_week = accelerator * week",
    "accelerator_year = accelerator * year",
    "chip_hour = chip * hour",
    "chip_day = chip * day",
    "chip_week = chip * week",
    "chip_year = chip * year",
    # Energy industry units: "MMBtu" a million Btu (M the Roman thousand, twice), a tonne of coal equivalent
    # (29.3076 GJ, as "toe" is pint's tonne of oil equivalent); "Cal" the food Calorie, a kilocalorie.
    "MMBtu = 1e6 * british_thermal_unit = _ = mmBtu = MMBTU",
    "tonne_of_coal_equivalent = 29.3076 * gigajoule = tce",
    "food_calorie = kilocalorie = Cal = Calorie = Calories",
    # Money: one dimension per currency, no exchange rates.
    "USD = [currency_USD] = _ = US_dollar = dollar = dollars",
    "EUR = [currency_EUR] = _ = euro = euros",
    "GBP = [currency_GBP] = _ = pound_sterling",
]

#: Symbols writers use for two units, where pint reads one of them: refused, the line saying which to write.
_TWO_WAY_SYMBOLS = {
    "MBtu": "'MBtu' is a thousand Btu in the energy trade and a million as an SI prefix: write 'kBtu' or 'MMBtu'",
    "MBTU": "'MBTU' is a thousand Btu in the energy trade and a million as an SI prefix: write 'kBtu' or 'MMBtu'",
    "kt": "'kt' is kilotonnes (of CO2e, of coal) or knots: write 'kilotonne' or 'knot'",
}

# Exact spellings kb reads that pint does not know (after the phrase rewrites below).
_ALIASES = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP",
    "MT": "tonne", "mt": "tonne", "tonnes": "tonne",
    "x": "dimensionless", "X": "dimensionless", "times": "dimensionless",
    "fold": "dimensionless", "dimensionless": "dimensionless",
    "hrs": "hour", "secs": "second", "mins": "minute",
    # "12 pct", as the press and some papers abbreviate per cent (pint reads it a picocarat), and in capitals ("12
    # PCT", "12 Pct": pint reads a petacarat, a mass no paper prints); where "PCT" is a name ("12 PCT applications")
    # the page's reader (kb.quantities.numbers._PCT) reads no unit after the number
    "pct": "percent", "Pct": "percent", "PCT": "percent",
    # Things counted that pint reads as old lengths and angles (a typographic point, a surveyor's
    # link or chain, a turn): "a 5-point scale", "12 links", "1,000 cycles" count.
    "point": "item", "points": "item", "link": "item", "links": "item", "chain": "item", "chains": "item",
    "cycle": "item", "cycles": "item",
}

# Energy and power symbols as papers misspell them ("KWh", "KwH", "mwh").
# Only used when the exact spelling is not a unit: "mWh" stays a milliwatt-hour.
_CASE_ALIASES = {
    "wh": "Wh", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh", "pwh": "PWh",
    "kw": "kW", "mw": "MW", "gw": "GW", "tw": "TW",
    "usd": "USD", "eur": "EUR", "gpu": "gpu", "tpu": "tpu", "flop": "FLOP", "flops": "FLOP",
    # data rates: "100 mbps", "10 Gbps" are bits a second (pint's "bps" is a baud, one a second)
    "bps": "baud", "kbps": "kilobaud", "mbps": "megabaud", "gbps": "gigabaud", "tbps": "terabaud",
}

# Mass words that can carry "CO2e", mapped to kb's CO2e units.
_CO2E_MASS = {
    "g": "gCO2e", "gr": "gCO2e", "gram": "gCO2e", "grams": "gCO2e",
    "kg": "kgCO2e", "kgs": "kgCO2e", "kilogram": "kgCO2e", "kilograms": "kgCO2e",
    "t": "tCO2e", "tonne": "tCO2e", "tonnes": "tCO2e", "MT": "tCO2e", "mt": "tCO2e",
    "metric ton": "tCO2e", "metric tons": "tCO2e", "metric tonne": "tCO2e",
    "metric tonnes": "tCO2e",
    "mg": "mgCO2e", "milligram": "mgCO2e", "milligrams": "mgCO2e",
    "ug": "ugCO2e", "microgram": "ugCO2e", "micrograms": "ugCO2e",      # "µg" is read as "ug" first
    "kt": "ktCO2e", "Mt": "MtCO2e", "Gt": "GtCO2e",
    "kilotonne": "ktCO2e", "kilotonnes": "ktCO2e", "megatonne": "MtCO2e", "megatonnes": "MtCO2e",
    "gigatonne": "GtCO2e", "gigatonnes": "GtCO2e",
    "lb": "lbCO2e", "lbs": "lbCO2e", "pound": "lbCO2e", "pounds": "lbCO2e",
    "ton": "short_ton_CO2e", "tons": "short_ton_CO2e",
    "short ton": "short_ton_CO2e", "short tons": "short_ton_CO2e",
}

_SI_WORD_PREFIX = {"kilo": "k", "mega": "M", "giga": "G", "tera": "T", "peta": "P",
                   "exa": "E"}

_NAME_RE = lazy(r"[A-Za-z_][A-Za-z0-9_]*\Z")

# Held while the registry is read or extended (pint's registry is not thread-safe).
_lock = threading.RLock()
# Names of user units that have a pint dimension (pint cannot forget a definition).
_user_dimensions: set[str] = set()


# Where pint may keep its parsed definitions (a knowledge base's .kb/cache/pint), set
# before the registry is first built: a process-wide setting, like the registry itself.
_cache_folder: list[Path] = []


def cache_registry_in(folder: Path) -> None:
    """Let pint keep its parsed unit definitions in `folder` (made when first used):
    the registry is then built in about 0.05 s instead of 0.25 s. Only before the
    registry is first built, in the folder named last (the knowledge base opened last:
    the first one a process opened may be gone by then, or not the one asking); a folder
    kb cannot write is left alone."""
    _cache_folder[:] = [Path(folder)]


@functools.cache
def registry() -> "pint.UnitRegistry":
    """The one registry kb uses; built on first use (about 0.4 s, 0.2 s cached)."""
    import pint

    ureg = None
    # only inside a knowledge base's .kb folder that is still there: never one made again where it was removed
    if _cache_folder and _cache_folder[0].parent.parent.is_dir():
        try:
            _cache_folder[0].mkdir(parents=True, exist_ok=True)
            ureg = pint.UnitRegistry(on_redefinition="raise", autoconvert_offset_to_baseunit=False,
                                     cache_folder=_cache_folder[0])
        except Exception:           # read-only, full or damaged cache: parse as without one
            ureg = None
    if ureg is None:
        ureg = pint.UnitRegistry(on_redefinition="raise", autoconvert_offset_to_baseunit=False)
    for line in _DEFINITIONS:
        ureg.define(line)
    return ureg


# ---------------------------------------------------------------- parsing

_CO2E_RE = lazy(
    r"C\s?O\s?2(?:\s?-?\s?e(?:q(?:uiv(?:alent)?)?)?\b|(?![A-Za-z0-9]))"
    r"|(?i:\bcarbon[\s-]+dioxide(?:[\s-]+equivalents?|[\s-]+eq)?\b)")
_MASS_CO2E_RE = lazy(
    r"(?<![A-Za-z0-9_])(?P<m>metric\s+tonnes?|metric\s+tons?|short\s+tons?|[A-Za-z]+)"
    r"\s*(?:of\s*)?\(?\s*CO2e\)?(?![A-Za-z0-9])")
_WATT_HOUR_RE = lazy(r"(?i)\b(kilo|mega|giga|tera|peta)?watt[-\s]?hours?\b")
_WATT_RE = lazy(r"(?i)\b(kilo|mega|giga|tera)?watts?\b")
_DEVICE_TIME_RE = lazy(
    r"(?i)\b(gpu|tpu|accelerator|chip)s?[-\s_]?(hours?|hrs?|days?|weeks?|years?)\b")
_PFS_DAY_RE = lazy(r"(?i)\b(?:pflops?|petaflops?|pf|pfs)\s*/?\s*s?[-\s_]days?\b")
_FLOP_RATE_RE = lazy(
    r"(?i)\b(peta|tera|giga|exa|mega|[ptgem])?flop[s]?\s*/\s*s(?:ec(?:ond)?s?)?\b")
#: A prefixed FLOPS, a rate ("24.6 TFLOPS", "3.2 PetaFLOPS", "125 teraflops"); not the plural "TFLOPs".
_FLOPS_RE = lazy(r"(?i)\b(peta|tera|giga|exa|mega|[ptgem])(?!(?-i:FLOPs))flops\b")
_FLOP_RE = lazy(r"(?i)\b(peta|tera|giga|exa|mega|[ptgem])?flop[s]?\b")
_FLOP_WORDS_RE = lazy(r"(?i)\bfloating[-\s]point\s+operations?\b")
_MICRO_RE = lazy(r"μ(?=[A-Za-z])")
_DEGREE_RE = lazy(r"°\s?([CFK])?(?![A-Za-z])")
_PER_RE = lazy(r"(?i)\bper\b")
#: A length's power printed flat, as PDFs and writers print "m³": "m3", "km2", "cm3", "ft2" (never "CO2", "H2O":
#: the letters before the digit are a length's symbol alone).
_FLAT_LENGTH_POWER_RE = lazy(r"(?<![\w^])((?:[kcdmnu]?m)|ft|yd|mi)([23])(?![\w^.])")
#: Imperial (UK) gallons, pints and quarts, as pint names them: "1 imperial gallon", "2 UK pints".
_IMPERIAL_RE = lazy(r"(?i)\b(?:imperial|UK|British)[\s_]+(gallon|pint|quart)s?\b")
#: Fluid ounces, a volume: "fl oz", "fl. oz.", "fluid ounces", US ones bare or with "US" (29.57 mL), imperial ones
#: with "imperial", "UK" or "British" (28.41 mL); never a femtolitre times an ounce, nor a count of ounces of mass.
_FLUID_OUNCE_RE = lazy(r"(?i)(?<![\w])(?:(?P<imp>imperial|UK|British)[\s_]+|US[\s_]+)?"
                       r"(?:fl\.?[\s_]?oz|fluid[\s_]+ounces?)(?![\w])\.?")
#: Bits a second written "Gb/s", "Mb/s": a prefix, "b" and a slash (pint reads "Gb" as a gilbert).
_BYTES_RATE_RE = lazy(r"(?<![A-Za-z])([kKMGTP])Bps(?![A-Za-z])")
_BITS_RATE_RE = lazy(r"(?<![A-Za-z])([kKMGT])b\s*/(?=\s*s(?:ec(?:ond)?)?\b)")
_PERCENT_WORD_RE = lazy(r"(?i)\bper\s?cent\b")
#: ... or a percentage's sign or word before "points" ("5 % points", "5 percent points", "5 pct pts"): points of it.
_POINTS_WORD_RE = lazy(r"(?i)\bpercentage[\s-]+points?\b|(?<![A-Za-z_])pp(?![A-Za-z_])"
                       r"|(?:%|\bper\s?cent\b|\bpercent\b|\bpct\b)\.?[\s-]*(?:points?|pts?)\b\.?")
#: "per mil", "per mill", "per mille": one in a thousand; never "per mile", a distance ("390 g CO2e per mile").
_PERMILLE_WORD_RE = lazy(r"(?i)\bper\s?(?:mille|mill|mil)\b")
_FACTOR_TOKEN_RE = lazy(
    r"\s*(?:(?P<name>[A-Za-z_][A-Za-z0-9_]*|%|‰|‱|\$|€|£)|(?P<op>\*\*|[*/^])|(?P<int>[-+]?\d+))")


def normalize_unit_text(text: str) -> str:
    """Rewrite the spellings papers use into kb's unit names; keeps what it doesn't know.

    "tCO 2 e", "kg CO2eq", "lbs of CO2e", "metric tons of CO2e", "𝐶𝑂2𝑒𝑞", "kg of carbon dioxide", "kg CO₂",
    "GPU-hours", "PFLOP/s-day", "kilowatt-hours", "$" are all handled here, so the
    extractor and `parse_unit` agree on them.
    """
    t = (text.replace("²", "^2").replace("³", "^3").replace("⁻¹", "^-1")
         .replace("⁻²", "^-2"))
    t = unicodedata.normalize("NFKC", t)
    if t.strip() in ("×", "✕", "-fold", "‐fold"):
        t = "x"                 # "5×", "100-fold": a factor, as "5x"
    # The micro sign (U+00B5, NFKC makes it μ U+03BC) and the degree sign, as kb prints them
    # ("1 µm", "25 °C"): pint's names are ASCII ("um", "degC").
    t = _MICRO_RE.sub("u", t)
    t = _DEGREE_RE.sub(lambda m: {"C": "degC", "F": "degF", "K": "K"}.get(m.group(1) or "", "degree"), t)
    t = (t.replace("−", "-").replace("·", "*").replace("×", "*").replace("∗", "*")
         .replace("⋅", "*"))
    t = " ".join(t.split())
    while len(t) >= 2 and t[0] == "(" and t[-1] == ")" and "(" not in t[1:-1]:
        t = t[1:-1].strip()
    if t in ("", "1"):
        return "dimensionless"
    t = _POINTS_WORD_RE.sub("percentage_point", t)
    t = _PERCENT_WORD_RE.sub("percent", t)
    t = _PERMILLE_WORD_RE.sub("permille", t)
    t = _CO2E_RE.sub("CO2e", t)

    def mass(m: re.Match[str]) -> str:
        word = " ".join(m.group("m").split())
        unit = _CO2E_MASS.get(word) or _CO2E_MASS.get(word.lower())
        if unit is None or (word.lower() == "mt" and word not in _CO2E_MASS):
            return m.group(0)
        return unit

    t = _MASS_CO2E_RE.sub(mass, t)
    t = re.sub(r"(?i)\bmetric\s+ton(?:ne)?s?\b", "tonne", t)
    t = re.sub(r"(?i)\bshort\s+tons?\b", "short_ton", t)
    t = _WATT_HOUR_RE.sub(lambda m: f"{(m.group(1) or '').lower()}watt_hour", t)
    t = _WATT_RE.sub(lambda m: f"{(m.group(1) or '').lower()}watt", t)

    def device(m: re.Match[str]) -> str:
        dev = m.group(1).lower()
        period = m.group(2).lower().rstrip("s")
        period = {"hr": "hour"}.get(period, period)
        return f"{dev}_{period}"

    t = _DEVICE_TIME_RE.sub(device, t)
    t = _PFS_DAY_RE.sub("pflop_s_day", t)
    t = _FLOP_WORDS_RE.sub("FLOP", t)

    def flop_prefix(p: str | None) -> str:
        if not p:
            return ""
        return _SI_WORD_PREFIX.get(p.lower(), p.upper())

    t = _FLOP_RATE_RE.sub(lambda m: f"{flop_prefix(m.group(1))}FLOP/second", t)
    t = _FLOPS_RE.sub(lambda m: f"{flop_prefix(m.group(1))}FLOP/second", t)
    t = _FLOP_RE.sub(lambda m: f"{flop_prefix(m.group(1))}FLOP", t)
    t = _PER_RE.sub("/", t)
    if "2" in t or "3" in t:
        t = _FLAT_LENGTH_POWER_RE.sub(r"\1^\2", t)
    t = _IMPERIAL_RE.sub(lambda m: f"imperial_{m.group(1).lower()}", t)
    if "fl" in t or "Fl" in t or "FL" in t:
        t = _FLUID_OUNCE_RE.sub(lambda m: "imperial_fluid_ounce" if m.group("imp") else "fluid_ounce", t)
    t = _BITS_RATE_RE.sub(lambda m: f"{m.group(1).replace('K', 'k')}bit/", t)     # "Gb/s": gigabits, no gilberts
    t = _BYTES_RATE_RE.sub(lambda m: f"{m.group(1)}B/s", t)         # "GBps": gigabytes a second, no gigabaud
    t = t.replace("US$", "USD")
    return t


def parse_unit(text: str, user_names: Collection[str] = frozenset(), nouns: bool = False) -> "pint.Unit":
    """The pint unit a person or a paper wrote; `UsageError` naming the text if unknown.

    `nouns`: a plain noun kb has no unit for is a count of what it names ("100,000 cores",
    "3,000 web pages": `count_noun`), read as a count (``item``) as "12 models" is; as a
    figure is written, not as a unit asked for ("--unit cores" is no unit).

    The text is split into unit names here (products by space or "*", quotients
    by "/" or "per", integer powers by "^"), and each name is looked up alone, so
    pint's own expression parser never sees what the user wrote. `user_names` are
    the user units to read as well (``UserUnits.names``; each must have been
    registered with `register_user_unit`).
    """
    if not isinstance(text, str):
        raise UsageError(f"a unit must be text, not {type(text).__name__}")
    if len(text) > 200:
        raise UsageError(f"unit text too long ({len(text)} characters): {text[:40]!r}…")
    names = user_names if isinstance(user_names, frozenset) else frozenset(user_names)
    with _lock:
        return _parse_unit_cached(text, names, nouns)


@functools.lru_cache(maxsize=4096)
def _parse_unit_cached(text: str, user_names: frozenset[str], nouns: bool = False) -> "pint.Unit":
    ureg = registry()
    if nouns and metric_phrase(text.removeprefix("%")) is not None:
        # "45.2 BLEU", "91.2 F1", "76.1% top-1 accuracy": a score, of no unit; what it measures is its quote's to say
        return ureg.Unit("item") * (ureg.Unit("percent") if text.startswith("%") else ureg.dimensionless)
    return _parse_unit_read(text, user_names, nouns)


#: A word of a model's or a product's name before what a figure counts: "A100", "GTX", "1080", "Ti", "BERT-Large",
#: "v3", "NVIDIA", "SXM4": a digit, a capital or a hyphen in it.
_MODEL_NAME_WORD = lazy(r"(?=[\w.+-]*(?:\d|[A-Z]))[A-Za-z0-9][\w.+-]{0,15}")
#: A model's name alone as what a figure counts, in the plural: "V100s", "A100s", "TPUv3s", "H100s".
_MODEL_PLURAL = lazy(r"[A-Za-z][A-Za-z-]*\d[\w.-]*s")


def _model_count(text: str, user_names: frozenset[str]) -> "pint.Unit | None":
    """A count of things a figure names by a model or a product ("A100 GPUs", "GTX 1080 Ti GPUs", "BERT-Large models",
    "TPU v3 chips", "V100s"): the count of its last word (GPUs are accelerators, "models" items), or of items for a
    model named alone. kb.quantities.quoted holds it only where its quote prints those names with that figure. None
    for any other text ("kWhh", "GTX kWh", "A100")."""
    words = text.split()
    if not 1 <= len(words) <= 5:
        return None
    if len(words) == 1:
        return registry().Unit("item") if _MODEL_PLURAL.fullmatch(words[0]) else None
    *names, last = words
    if not all(_MODEL_NAME_WORD.fullmatch(w) for w in names) or not any(re.search(r"\d|[A-Z]{2}", w) for w in names):
        return None
    if any(w.isdigit() for w in names) and not any(re.search(r"[A-Za-z]", w) for w in names):
        return None         # "8 GPUs": a number, no name ("GTX 1080", "1080 Ti" are names)
    try:
        unit = _parse_unit_read(last, user_names, True)
    except UsageError:
        unit = registry().Unit("item") if _MODEL_PLURAL.fullmatch(last) else None
    if unit is None or dict(unit.dimensionality) not in ({"[count]": 1}, {"[accelerator]": 1}):
        return None
    return unit


def model_count(text: str, user_names: Collection[str] = frozenset()) -> "pint.Unit | None":
    """The count `text` names by a model or a product where kb reads it only so (`_model_count`: "1080 Ti GPUs", "A100
    GPUs", "V100s"); None for a unit or a count kb reads whole ("CPU cores", "kWh"), and for any other text. A figure's
    unit (kb.quantities.interval) reads so; `parse_unit` never does, as a word of a quote is read."""
    if not isinstance(text, str) or not text.strip() or len(text) > 200:
        return None
    names = user_names if isinstance(user_names, frozenset) else frozenset(user_names)
    with _lock:
        try:
            _parse_unit_cached(text, names, True)
            return None
        except UsageError:
            return _model_count(text.strip(), names)


def _parse_unit_read(text: str, user_names: frozenset[str], nouns: bool) -> "pint.Unit":
    """`parse_unit` of `text` once it names no score: its unit names, each looked up."""
    ureg = registry()
    norm = normalize_unit_text(text)
    if norm == "dimensionless":
        return ureg.dimensionless
    if nouns and " " in norm:
        phrase = _count_phrase(norm, user_names)
        if phrase is not None:
            return phrase       # "web pages", "GPU cores": a count of the last noun
    factors: list[list[Any]] = []  # [unit, power]
    pos = 0
    sign = 1  # -1 right after "/": "/" divides by the next factor only
    noun_per = False    # the last factor is a noun divided by ("per web"): a noun after it is the phrase's
    while pos < len(norm):
        m = _FACTOR_TOKEN_RE.match(norm, pos)
        if m is None or m.end() == pos:
            rest = norm[pos:].strip()
            if not rest:
                break
            raise UsageError(f"unknown unit {said(text)}: cannot read {rest[:20]!r}",
                             hint=_unit_hint(text, user_names))
        pos = m.end()
        if m.group("name"):
            was_per, noun_per = noun_per, False
            try:
                factors.append([_lookup_unit_name(m.group("name"), text, user_names), sign])
            except UsageError:
                if not (nouns and (count_noun(m.group("name")) or _ACRONYM_PLURAL.fullmatch(m.group("name"))
                                   or sign < 0 and m.group("name") in _YARDSTICKS)):   # "kg CO2e per flight"
                    raise
                if was_per and sign > 0:
                    sign = -1
                    factors.pop()       # "kWh per web page": per page, never kWh·page/web
                factors.append([ureg.Unit("item"), sign])      # "cores", "kWh per run"
                noun_per = sign < 0
            sign = 1
        elif m.group("op") == "*":
            if not factors or sign < 0:
                raise UsageError(f"unknown unit {said(text)}: '*' must stand between units")
        elif m.group("op") == "/":
            if sign < 0:
                raise UsageError(f"unknown unit {said(text)}: two '/' in a row")
            sign = -1
        elif m.group("op") in ("^", "**"):
            im = _FACTOR_TOKEN_RE.match(norm, pos)
            if not factors or sign < 0 or im is None or im.group("int") is None:
                raise UsageError(f"unknown unit {said(text)}: '^' must follow a unit and "
                                 "precede an integer")
            pos = im.end()
            power = int(im.group("int"))
            if power == 0 or abs(power) > 12:
                raise UsageError(f"unit power {power} out of range in {said(text)}")
            factors[-1][1] *= power
        elif m.group("int") == "1" and not factors and sign > 0:
            continue  # "1/h"
        else:
            raise UsageError(f"unknown unit {said(text)}: a number is not a unit "
                             "(write it in the figure, not in the unit)")
    if sign < 0:
        raise UsageError(f"unknown unit {said(text)}: '/' without a unit after it")
    if not factors:
        raise UsageError(f"unknown unit {said(text)}", hint=_unit_hint(text, user_names))
    if len(factors) > 1 or factors[0][1] != 1:
        # "°C/s", "°F per hour", "W/°C": a temperature inside a compound unit is a
        # difference of temperatures (1 °C/s is 1 K/s), never a point on an offset scale.
        for f in factors:
            name = str(f[0])
            if name in _OFFSET_DELTA:
                f[0] = ureg.Unit(_OFFSET_DELTA[name])
    unit = ureg.dimensionless
    for factor, power in factors:
        unit = unit * factor ** power
    return unit


_UNKNOWN_NAME = lazy(r"unknown unit '([^']+)'")


def counted_word(unit_text: str, user_names: Collection[str] = frozenset()) -> str | None:
    """The word of a figure's unit kb knows no unit for and reads as a count of what it names ("zorbs" of "12
    zorbs", read as 12 items; "zorb" of "kWh per zorb"); None when every word is a unit kb knows (or one of
    `user_names`, the user units defined), or the text is no unit even as a count, or a score's metric ("BLEU")."""
    if not unit_text or metric_phrase(unit_text.removeprefix("%")) is not None:
        return None
    try:
        parse_unit(unit_text)
        return None
    except UsageError as exc:
        m = _UNKNOWN_NAME.search(exc.message)
    try:
        parse_unit(unit_text, nouns=True)
    except UsageError:
        return None
    word = m.group(1) if m else unit_text
    return None if word in user_names or word.rstrip("s") in user_names else word


#: Yardsticks a person defines as a user unit ("smartphone_charge = 0.022 kWh"): never a count.
_YARDSTICKS = frozenset({"charge", "charges", "car", "cars", "flight", "flights", "household", "households",
                         "home", "homes", "house", "houses", "trip", "trips"})
def is_yardstick(word: str) -> bool:
    """Whether `word` names a yardstick kb leaves to user units ("flight", "cars"): no count alone, but
    what a rate is per after "per" ("kg CO2e per flight"), as a count of it."""
    return word.lower() in _YARDSTICKS


#: Words of a sentence, never what a number counts.
_NOT_NOUNS = frozenset("""of the and or in on at to for from by with per than that which who as is was are were
be been has have had not no less least more most times fold only also just even still see each every all some
any other such this these those its their our your his her them they it we one ones about over under into onto
out up down off very much many few several total average mean""".split())
#: Unit names a misspelt unit is close to ("kwhh", "hourz"): such a word is no count.
_UNIT_WORDS = ("kwh", "mwh", "gwh", "twh", "wh", "watt", "watts", "hour", "hours", "day", "days", "year", "years",
               "minute", "minutes", "second", "seconds", "gram", "grams", "tonne", "tonnes", "ton", "tons",
               "joule", "joules", "percent", "flop", "flops", "dollar", "dollars", "euro", "euros", "kilogram",
               "kilograms", "pound", "pounds", "litre", "liter", "litres", "liters", "meter", "metre", "meters",
               "metres", "mile", "miles", "week", "weeks", "month", "months", "byte", "bytes", "kgco2e", "tco2e")


@functools.lru_cache(maxsize=4096)
def count_noun(word: str) -> bool:
    """Whether `word`, which kb reads as no unit, is a plain noun naming what a number counts
    ("cores", "queries", "runs", "nodes"): lower-case letters with a vowel among them ("zzqq" is
    none), no word of a sentence, no yardstick kb leaves to user units ("charges", "flights"), and
    no misspelt unit ("kwhh", "hourz")."""
    if not re.fullmatch(r"[a-z]{3,30}", word) or word in _NOT_NOUNS or word in _YARDSTICKS:
        return False
    if not re.search(r"[aeiouy]", word):
        return False        # "zzqq", "xkcd": letters typed, no word a reader says
    return not difflib.get_close_matches(word, _UNIT_WORDS, n=1, cutoff=0.8)


#: Evaluation metrics, folded (`metric_word`): a score's figure names what it measures ("45.2 BLEU", "91.2 F1",
#: "12.3 perplexity", "76.1% top-1 accuracy"), read as a count of no unit, and kb.quantities.quoted holds it only where
#: its quote names that metric at that figure.
METRICS = frozenset(
    "bleu sacrebleu rouge rouge1 rouge2 rougel rougelsum meteor cider spice chrf chrf++ ter wer cer bertscore "
    "bleurt comet f1 f05 f2 em accuracy precision recall auc auroc auprc map ndcg mrr "
    "perplexity mse rmse mae mape pearson spearman kendall hits@1 hits@10 iou miou psnr ssim fid lpips "
    "pass@1 pass@5 pass@10 pass@100 map50 map@50 map@0.5 ap ap50 ap75 bpb bpc".split())
_METRIC_ALIASES = {"f1score": "f1", "f1measure": "f1", "fscore": "f1", "fmeasure": "f1", "exactmatch": "em",
                   "acc": "accuracy", "ppl": "perplexity", "top1accuracy": "top1 accuracy",
                   "top5accuracy": "top5 accuracy", "macrof1": "macro f1", "microf1": "micro f1"}
#: Words of a metric's name that say which of its kind ("top-1 accuracy", "macro F1", "test accuracy").
METRIC_QUALIFIERS = frozenset("macro micro weighted top1 top5 test dev validation val mean average avg".split())
#: Words after a metric's name that name no other: "F1 score", "BLEU points".
METRIC_FILLERS = frozenset("score scores point points pts pt".split())
#: Metric names of more than one word, folded to one: "exact match" is "em".
_METRIC_WORDS = lazy(r"(?i)\b(?:exact[ -]match|word[ -]error[ -]rate|character[ -]error[ -]rate|"
                     r"mean[ -]average[ -]precision|mean[ -]reciprocal[ -]rank)\b")
_METRIC_FOLD = {"exactmatch": "em", "worderrorrate": "wer", "charactererrorrate": "cer",
               "meanaverageprecision": "map", "meanreciprocalrank": "mrr"}


def metric_word(word: str) -> str | None:
    """`word` as an evaluation metric's name or a word that says which of its kind, folded ('ROUGE-L' is 'rougel',
    'F1-score' 'f1', 'Acc.' 'accuracy', 'top-1' 'top1'), or None."""
    name = word.lower().rstrip(".").replace("-", "").replace("_", "")
    name = _METRIC_ALIASES.get(name, name)
    return name if all(w in METRICS or w in METRIC_QUALIFIERS for w in name.split()) else None


def metric_phrase(text: str) -> tuple[str, ...] | None:
    """The folded words of `text` where it names an evaluation metric whole: words saying which of its kind, one
    metric, a filler ("top-1 accuracy": ('top1', 'accuracy'); "F1 score": ('f1',); "exact match": ('em',)); None for
    any other text ("BLEU on WMT14", "GPUs", "test")."""
    text = _METRIC_WORDS.sub(lambda m: _METRIC_FOLD[re.sub(r"[ -]", "", m.group(0).lower())], text.strip())
    words = text.split()
    while words and words[-1].lower() in METRIC_FILLERS:
        words.pop()
    if not words or len(words) > 3:
        return None
    folded = []
    for word in words:
        name = metric_word(word)
        if name is None:
            return None
        folded.extend(name.split())
    if folded[-1] not in METRICS or any(w in METRICS for w in folded[:-1]):
        return None
    return tuple(folded)


#: A plural acronym: what a number counts ("8 CPUs", "12 LLMs", "28.9M PDFs").
_ACRONYM_PLURAL = lazy(r"[A-Z]{2,6}s")
_PHRASE_WORD = lazy(r"[A-Z][A-Z0-9]{1,7}|[a-z]{3,30}")
#: A compound naming which of the things are counted, before their noun: "decoder-only", "non-sepsis",
#: "sequence-to-sequence", "state-of-the-art" ("4 decoder-only models"): lower-case words joined by hyphens.
_COMPOUND_WORD = lazy(r"[a-z]{2,20}(?:-[a-z]{2,20}){1,4}")


def _count_phrase(norm: str, user_names: frozenset[str]) -> "pint.Unit | None":
    """A count named by a noun phrase ("web pages", "GPU cores", "training runs"): two or three
    words, the last a noun kb counts, the others nouns or acronyms naming it; None otherwise."""
    words = norm.split(" ")
    if len(words) > 3 or not all(_PHRASE_WORD.fullmatch(w) or w is not words[-1] and _COMPOUND_WORD.fullmatch(w)
                                 for w in words):
        return None
    *mods, last = words
    if any(m.lower() in _NOT_NOUNS or m.lower() in _YARDSTICKS for m in mods if "-" not in m):
        return None
    try:
        unit = _lookup_unit_name(last, norm, user_names)
    except UsageError:
        return registry().Unit("item") if count_noun(last) else None
    return unit if dict(unit.dimensionality) == {"[count]": 1} else None


_PLURALS = (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"))


def count_forms(text: str) -> list[str]:
    """How a count of the things `text` names is written, lower case, its last noun singular and
    plural ("cores": "core", "cores"; "CPU cores": "cpu core", "cpu cores"; "queries": "query",
    "queries"): a listing by a counted noun matches claims counting those things. Empty when
    `text` counts nothing in particular (kb's "items") or is no count ("kWh", "GPUs")."""
    try:
        unit = parse_unit(text, nouns=True)
    except UsageError:
        lowered = " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in text.split())
        try:
            unit = parse_unit(lowered, nouns=True)      # "Cores", as a heading writes it
        except UsageError:
            return []
    if dict(unit.dimensionality) != {"[count]": 1}:
        return []
    words = normalize_unit_text(text).lower().split()
    if len(words) != len(text.split()) or not words or not all(w.isalnum() for w in words):
        return []
    *mods, head = words
    if head in ("item", "items"):
        return []
    singular = head
    for plural, one in _PLURALS:
        if head.endswith(plural) and len(head) > len(plural) + 1:
            singular = head[:-len(plural)] + one
            break
    else:
        if head.endswith("s") and not head.endswith("ss"):
            singular = head[:-1]
    forms = {head, singular, singular[:-1] + "ies" if singular.endswith("y") and singular[-2:-1] not in "aeiou"
             else singular + ("es" if singular.endswith(("s", "x", "ch", "sh")) else "s")}
    try:
        known = format_unit(unit) if str(unit) != "item" else None     # "people": person
    except Exception:       # pragma: no cover - a count kb formats always
        known = None
    if known:
        forms |= {known.lower(), known.lower() + "s"}
    return sorted(" ".join([*mods, f]) for f in forms)


#: Offset temperature scales and their differences.
_OFFSET_DELTA = {"degree_Celsius": "delta_degree_Celsius", "degree_Fahrenheit": "delta_degree_Fahrenheit"}


def _lookup_unit_name(name: str, text: str, user_names: frozenset[str]) -> "pint.Unit":
    """One unit name, looked up alone: user units, kb's aliases, pint, then case fixes."""
    ureg = registry()
    if name in user_names:
        if name not in _user_dimensions:
            raise UsageError(f"user unit {name!r} has no dimension: register it first")
        return ureg.Unit(name)
    if name in _user_dimensions:
        # pint knows the name because some user units define it, but not these.
        raise UsageError(f"unknown unit {name!r} in {said(text)}: it is not among the user "
                         "units in use (no longer defined, or defined elsewhere)",
                         hint=_unit_hint(name, user_names))
    if name in _TWO_WAY_SYMBOLS:        # "MBtu": a thousand Btu or a million; "kt": kilotonnes or knots
        raise UsageError(f"unknown unit {said(text)}: {_TWO_WAY_SYMBOLS[name]}")
    alias = _ALIASES.get(name)
    if alias is not None:
        return ureg.dimensionless if alias == "dimensionless" else ureg.Unit(alias)
    if name == "%":
        return ureg.Unit("percent")
    if name in ("‰", "‱"):
        return ureg.Unit("permille" if name == "‰" else "permyriad")
    if name == "CO2e":
        raise UsageError(f"unknown unit {said(text)}: CO2e needs a mass unit before it",
                         hint="write e.g. 'kg CO2e', 'tCO2e', 'lbs of CO2e'")
    if _NAME_RE.match(name) and _in_registry(ureg, name) and not _prefixed_word(ureg, name):
        unit = ureg.Unit(name)
        other = [n for n in unit_powers(unit) if n in _user_dimensions and n not in user_names]
        if other:
            # "charges": pint's plural of a user unit some other user units define, not these.
            raise UsageError(f"unknown unit {name!r} in {said(text)}: it is not among the user "
                             "units in use (no longer defined, or defined elsewhere)",
                             hint=_unit_hint(name, user_names))
        return unit
    fixed = _CASE_ALIASES.get(name.lower())
    if fixed is not None:
        return ureg.Unit(fixed)
    raise UsageError(f"unknown unit {name!r} in {said(text)}", hint=_unit_hint(name, user_names))


@functools.lru_cache(maxsize=4096)
def _prefixed_word(ureg, name: str) -> bool:
    """Whether pint reads a lower-case word only as a prefix's symbol before a unit's name: "units"
    as micro-nits (a word, no unit); "kcal", "mmol", "kilobytes" are units."""
    if not name.islower() or len(name) < 4:
        return False
    try:
        readings = ureg.parse_unit_name(name)
    except Exception:                   # pragma: no cover - pint's own failure: no such reading
        return False
    for prefix, unit, _suffix in readings:
        if not prefix or name.startswith(prefix):
            return False                # "hours", "kilobytes"
        rest = name[2:] if prefix == "deca" else name[1:]      # after the prefix's symbol ("da", "u", "k")
        if len(rest) < 3 or rest == ureg.get_symbol(unit):
            return False                # "ms", "kcal", "mmol"
    return bool(readings)


def _in_registry(ureg, name: str) -> bool:
    """pint's `in` raises for some names ('_' AttributeError, 'nan' ValueError)
    instead of answering no."""
    try:
        return name in ureg
    except (AttributeError, ValueError, TypeError, KeyError):
        return False


#: Set while kb only asks whether words read as units (`reads_as_unit`): no hint is made for a person.
_asking = contextvars.ContextVar("kb_units_asking", default=False)


def reads_as_unit(text: str, nouns: bool = False) -> bool:
    """Whether `text` reads as a unit (`parse_unit` without user units). A quote's words are asked
    many times over, and a hostile one holds thousands of words: the answers are kept, and a word
    that is no unit costs no hint ("did you mean ...?", a fuzzy search of every spelling)."""
    return _reads(text, nouns)


@functools.lru_cache(maxsize=16384)
def _reads(text: str, nouns: bool) -> bool:
    token = _asking.set(True)
    try:
        parse_unit(text, nouns=nouns)
    except UsageError:
        return False
    finally:
        _asking.reset(token)
    return True


def _unit_hint(text: str, user_names: Collection[str] = ()) -> str | None:
    if _asking.get():
        return None
    names = sorted(set(_known_spellings()) | set(user_names))
    close = close_names(text.strip(), names, n=3, cutoff=0.6)     # case aside: 'kwhh' is near kWh
    if close:
        return "did you mean " + ", ".join(close) + "?"
    return "define it as a user unit, e.g. smartphone_charge = \"0.012 kWh\""


def _known_spellings() -> list[str]:
    return ["kWh", "MWh", "GWh", "TWh", "Wh", "J", "kJ", "MJ", "W", "kW", "MW",
            "hour", "day", "year", "gpu_hour", "FLOP", "PFLOP", "pflop_s_day", "%",
            "USD", "EUR", "gCO2e", "kgCO2e", "tCO2e", "lbCO2e", "short_ton_CO2e",
            "inference", "image", "query", "generation", "request", "kg", "g", "t", "lb"]


_DISPLAY = {"year": "year", "day": "day", "week": "week", "month": "month", "mile": "mile",
            "percentage_point": "pp", "baud": "bps", "kilobaud": "kbps", "megabaud": "Mbps", "gigabaud": "Gbps",
            "terabaud": "Tbps"}


def format_unit(unit: "pint.Unit") -> str:
    """Short form of a unit ("kWh", "tCO2e", "%", "USD/h", "GPU·h"); "" for a plain number.

    Time units read as words ("day", not pint's "d"; "year", not "a"). The result
    parses back with `parse_unit` to the same unit.
    """
    if not unit_powers(unit):
        return ""
    ureg = registry()
    num: list[str] = []
    den: list[str] = []
    for name, power in unit_powers(unit).items():
        if name in _user_dimensions:
            sym = name
        else:
            sym = _DISPLAY.get(name) or ureg.get_symbol(name)
        p = abs(power)
        p_text = str(int(p)) if float(p).is_integer() else str(p)
        part = sym if p == 1 else f"{sym}^{p_text}"
        (num if power > 0 else den).append(part)
    text = "·".join(num) if num else "1"
    for part in den:
        text += "/" + part
    return text


_DIMENSION_EXAMPLES = [
    ("kWh", "energy"), ("W", "power"), ("hour", "time"), ("kg", "mass"), ("K", "temperature"),
    ("kgCO2e", "CO2e mass"), ("image", "a count"), ("FLOP", "computation"),
    ("FLOP/s", "computing speed"), ("gpu", "accelerators"),
    ("gpu_hour", "accelerator time"), ("km", "length"), ("USD", "money (USD)"),
    ("EUR", "money (EUR)"), ("GBP", "money (GBP)"), ("kgCO2e/kWh", "carbon intensity"),
    ("kWh/image", "energy per item"), ("kgCO2e/image", "CO2e per item"),
]


@functools.cache
def _dimension_names() -> dict[Any, str]:
    ureg = registry()
    out = {ureg.dimensionless.dimensionality: "a plain number"}
    for example, name in _DIMENSION_EXAMPLES:
        out.setdefault(parse_unit(example).dimensionality, name)
    return out


def dimension_name(unit: "pint.Unit") -> str:
    """What a unit measures, for messages: "energy", "CO2e mass", "a plain number".

    A unit with user units in it is named by pint's dimensions
    ("[kbuser_smartphone_charge]"): expand it first (``UserUnits.expand``) to name
    what it measures.
    """
    dims = unit.dimensionality
    return _dimension_names().get(dims, str(dims))


def to_base(value: float, unit_text: str, nouns: bool = False) -> tuple[float, str]:
    """`value` in `unit_text` expressed in base units, for sorting and searching figures
    of one dimension together (626,155 lbCO2e and 284 tCO2e both in gCO2e).

    Registry units only: a user unit's name is an unknown unit here (`UsageError`).
    """
    import pint

    ureg = registry()
    unit = parse_unit(unit_text, nouns=nouns)
    try:
        q = ureg.Quantity(float(value), unit).to_base_units()
    except pint.PintError as exc:
        raise UsageError(f"cannot express {value} {unit_text} in base units: {exc}") from None
    return float(q.magnitude), format_unit(q.units)


def unit_powers(unit: "pint.Unit") -> dict[str, float]:
    """The unit's names with their powers: {"kilowatt_hour": 1, "image": -1} for kWh/image;
    {} for a plain number."""
    return dict(unit._units)


# ---------------------------------------------------------------- user units

#: Words pint's parser reads as numbers, never as unit names.
_NUMBER_WORDS = frozenset({"nan", "inf", "infinity"})


def register_user_unit(name: str) -> None:
    """Give a user unit's name a base dimension of its own in pint (``[kbuser_<name>]``).

    Only the name is registered, once per process: the unit's value lives in a
    `kb.quantities.userunits.UserUnits`, so different values of one name can
    coexist. `UsageError` for a name that is not an identifier, or that kb already
    reads as a unit.
    """
    if not isinstance(name, str) or not _NAME_RE.match(name) or "__" in name \
            or not re.match(r"[A-Za-z]", name) or name.lower() in _NUMBER_WORDS:
        raise UsageError(f"invalid unit name {name!r}: use letters, digits and "
                         "single underscores, starting with a letter (and not a word pint reads as "
                         "a number, such as nan or inf)")
    ureg = registry()
    with _lock:
        if name in _user_dimensions:
            return
        if _in_registry(ureg, name):
            raise UsageError(f"cannot define unit {name!r}: it is already a unit "
                             f"({ureg.Unit(name)})", hint="choose another name")
        if name in _ALIASES or name.lower() in _CASE_ALIASES:
            raise UsageError(f"cannot define unit {name!r}: kb already reads it as a unit")
        ureg.define(f"{name} = [kbuser_{name}]")
        _user_dimensions.add(name)


@functools.lru_cache(maxsize=512)
def _a_count(name: str) -> bool:
    """Whether a unit's name counts things ("query", "image", "item"), as kb's units read them."""
    return dict(registry().Unit(name).dimensionality) == {"[count]": 1}


def counted_things(unit: "pint.Unit", items: bool = False) -> dict[str, float]:
    """The things a unit counts, with their powers: {"query": -1} of Wh/query, {"image": 1} of images; kb's
    "item" (a count of nothing in particular: "models", "runs") is none of them, unless `items`."""
    powers = unit_powers(unit)
    return {n: p for n, p in powers.items() if p and (items or n != "item") and _a_count(n)} if powers else {}


def is_user_unit(name: str) -> bool:
    """Whether `name` is a registered user unit (a name, not a unit expression)."""
    return name in _user_dimensions


def has_user_units(unit: "pint.Unit") -> bool:
    """Whether any user unit takes part in `unit` ("kWh/smartphone_charge")."""
    return any(name in _user_dimensions for name in unit_powers(unit))
