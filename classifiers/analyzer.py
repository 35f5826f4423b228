"""The Analyzer: text in, an explained judgement out (the fields of CONTRACT.md)."""

import math
from dataclasses import dataclass, field
from pathlib import Path

from classifiers.extract import extract_casualties, extract_loss, normalize, statutory_grade
from classifiers.lexicon import Lexicon
from classifiers.places import Gazetteer, Locality
from classifiers.rules import decide_level, settle_topics
from classifiers.schemes import Scheme
from classifiers.tokenize import Tokenizer

MAX_TEXT_CHARS = 6000  # long pages add little evidence after this and cost jieba time
CHAR_FEATURE_CHARS = 500  # character n-grams read the title and lead, where the topic is


@dataclass
class Document:
    id: str
    title: str = ""
    text: str = ""
    source: str | None = None
    region: str | None = None
    tier: str | None = None
    published_at: str | None = None

    @property
    def full_text(self) -> str:
        """Title and text, normalised, cut to the length the analyzer reads."""
        parts = [part for part in (self.title, self.text) if part]
        joined = "\n".join(parts)
        return normalize(joined)[:MAX_TEXT_CHARS]


@dataclass
class Analysis:
    id: str
    relevant: bool
    topics: list[dict]
    level: str | None
    grade: str | None
    casualties: dict
    loss_yuan: float | None
    places: list[str]
    sensitivity: float
    negativity: float
    explanation: dict
    locality: str = "unknown"
    place: str | None = None
    relevance: float = 0.0
    model_version: str = ""
    tokens: list[str] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict:
        """The JSON form of ``yuqing classify`` and ``POST /api/v1/classify``."""
        return {
            "id": self.id, "relevant": self.relevant, "topics": self.topics,
            "level": self.level, "grade": self.grade, "casualties": self.casualties,
            "loss_yuan": self.loss_yuan, "places": self.places,
            "sensitivity": self.sensitivity, "negativity": self.negativity,
            "explanation": self.explanation, "locality": self.locality, "place": self.place,
            "relevance": self.relevance, "model_version": self.model_version,
        }


class Analyzer:
    """Tokenizer, lexicons, schemes, gazetteer and model, loaded once and used in batches."""

    def __init__(self, *, tokenizer: Tokenizer, lexicon: Lexicon, schemes: list[Scheme],
                 gazetteer: Gazetteer, model, meta):
        self.tokenizer = tokenizer
        self.lexicon = lexicon
        self.schemes = [s for s in schemes if s.enabled]
        self.gazetteer = gazetteer
        self.model = model
        self.meta = meta
        self.thresholds = {"relevant": 0.5, "topic": 0.35, **(meta.thresholds or {})}

    @property
    def version(self) -> str:
        """The model version this analyzer uses."""
        return self.meta.version

    def analyze(self, docs) -> list[Analysis]:
        """Analyses of a batch of documents (Document objects or dicts), in the same order."""
        docs = [d if isinstance(d, Document) else Document(**_doc_fields(d)) for d in docs]
        if not docs:
            return []
        texts = [d.full_text for d in docs]
        tokens = [self.tokenizer.words(t) for t in texts]
        matrix, relevance, topic_probs = self.model.predict(
            [" ".join(t) for t in tokens], [t[:CHAR_FEATURE_CHARS] for t in texts])
        return [
            self._one(doc, text, toks, (matrix, i), float(relevance[i]),
                      {t: float(p[i]) for t, p in topic_probs.items()})
            for i, (doc, text, toks) in enumerate(zip(docs, texts, tokens, strict=True))
        ]

    def _one(self, doc: Document, text: str, tokens: list[str], row, p_relevant: float,
             p_topics: dict[str, float]) -> Analysis:
        rules: list[str] = []
        hits, present = self.lexicon.scan(text)
        scheme_topics: dict[str, list[str]] = {}
        for scheme in self.schemes:
            used = scheme.match(present)
            if used is not None:
                rules.append(f"scheme:{scheme.name}")
                if scheme.topic:
                    scheme_topics.setdefault(scheme.topic, []).extend(used)
        scores = {}
        strongest = 0.0
        for topic in self.lexicon.topics:
            evidence = hits.score(topic) if topic in hits.hits else 0.0
            strongest = max(strongest, 1 - math.exp(-evidence / 2.5))
            lexical = 1 - math.exp(-(evidence + 2.0 * bool(scheme_topics.get(topic))) / 2.5)
            learned = p_topics.get(topic)
            scores[topic] = lexical if learned is None else 0.6 * learned + 0.4 * lexical
        scores = settle_topics(scores, present, rules)
        exclusion = hits.score("exclusion")
        relevance = 0.6 * p_relevant + 0.4 * strongest - min(0.3, 0.1 * exclusion)
        if exclusion:
            rules.append("relevance:exclusion_terms")
        relevant = relevance >= self.thresholds["relevant"]
        topics = sorted(((t, s) for t, s in scores.items() if s >= self.thresholds["topic"]),
                        key=lambda pair: -pair[1])
        if relevant and not topics:
            topics = [max(scores.items(), key=lambda pair: pair[1])]
        topic_list = [{"label": t, "score": round(s, 3)} for t, s in topics] if relevant else []

        casualties = extract_casualties(text)
        loss = extract_loss(text)
        grade, grade_rules = statutory_grade(casualties, loss) if relevant else (None, [])
        rules += grade_rules
        place_match = self.gazetteer.find(text)
        locality = place_match.locality
        if locality is Locality.unknown and doc.region:
            locality = self.gazetteer.find(doc.region).locality
            if locality is not Locality.unknown:
                rules.append(f"locality:source_region={doc.region}")
        sensitivity = _saturate(hits.score("sensitivity"), 4.0)
        if any(t in ("mass_incident", "ideological_security") for t, _ in topics):
            sensitivity = max(sensitivity, 0.5)
        negativity = _saturate(hits.score("negativity"), 4.0)
        labels = [t for t, _ in topics] if relevant else []
        level = decide_level(relevant=relevant, topics=labels, grade=grade, locality=locality,
                             sensitivity=sensitivity, present=present, rules=rules,
                             tier=doc.tier)
        terms = []
        for label in labels[:3]:
            terms += hits.terms(label)[:4] + scheme_topics.get(label, [])
        terms += casualties.evidence
        if relevant and labels:
            terms += self.model.top_features(*row, labels[0], limit=3)
        return Analysis(
            id=doc.id, relevant=relevant, topics=topic_list, level=level, grade=grade,
            casualties=casualties.as_dict(), loss_yuan=loss, places=place_match.places,
            sensitivity=round(sensitivity, 3), negativity=round(negativity, 3),
            explanation={"terms": list(dict.fromkeys(terms)), "rules": rules},
            locality=locality.value, place=self.gazetteer.most_specific(place_match.places),
            relevance=round(relevance, 3),
            model_version=self.meta.version, tokens=tokens,
        )


def _saturate(score: float, scale: float) -> float:
    return 1 - math.exp(-score / scale)


def _doc_fields(data: dict) -> dict:
    return {"id": str(data.get("id", "")), "title": data.get("title") or "",
            "text": data.get("text") or "", "source": data.get("source"),
            "region": data.get("region"), "tier": data.get("tier"),
            "published_at": data.get("published_at")}


def build_analyzer(model_dir: Path, *, data_dir: Path, cache_dir: Path | None = None):
    """An analyzer from a model folder and the data folder's dictionaries and lists."""
    from classifiers.artifacts import load_artifact
    from classifiers.schemes import load_schemes

    model, meta = load_artifact(model_dir)
    gazetteer = Gazetteer.load(data_dir / "gazetteer.tsv")
    tokenizer = make_tokenizer(data_dir, gazetteer, cache_dir=cache_dir)
    schemes = load_schemes(data_dir / "schemes.yaml")
    extra = set().union(*(s.terms() for s in schemes)) if schemes else set()
    lexicon = Lexicon.load(data_dir / "lexicon", extra_terms=extra)
    return Analyzer(tokenizer=tokenizer, lexicon=lexicon, schemes=schemes, gazetteer=gazetteer,
                    model=model, meta=meta)


def make_tokenizer(data_dir: Path, gazetteer: Gazetteer | None = None, *,
                   cache_dir: Path | None = None) -> Tokenizer:
    """The tokenizer of training and analysis: user dictionary, stop words, place names."""
    gazetteer = gazetteer or Gazetteer.load(data_dir / "gazetteer.tsv")
    place_words = [alias for alias in gazetteer.aliases() if len(alias) >= 2]
    return Tokenizer(user_dict=data_dir / "userdict.txt", stop_words=data_dir / "stopwords.txt",
                     extra_words=place_words, cache_dir=cache_dir)
