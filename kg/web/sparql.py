"""The SPARQL queries behind the pages of the claims browser, one named constant per question.

Each is written like a stored query (a comment header declaring its parameters, ``$name`` for a parameter) and
parsed strictly at import, so a page query cannot silently lose a parameter. They run through
:func:`kg.queries.run_query` (read-only, parameters bound as RDF terms). Labels come from the union default graph,
so they are found whether actor facts sit in each article graph or once in ``kgg:actors``; no query takes meaning
out of the shape of an IRI.
"""

from __future__ import annotations

from kg.queries import StoredQuery, parse_query


def _q(name: str, text: str) -> StoredQuery:
    return parse_query(text.strip() + "\n", f"web.{name}")


ARTICLES = _q("articles", """
# title: Articles
# description: Every article, newest first, narrowed by outlet, an actor it involves and its published date.
# param: outlet IRI optional — the outlet
# param: actor IRI optional — an actor the article mentions, or its author or outlet
# param: since date optional — published on or after
# param: until date optional — published on or before
SELECT ?article ?title ?url ?published ?outletIri ?authorIri $outlet $actor $since $until WHERE {
  ?article a kg:Article .
  OPTIONAL { ?article kg:title ?title } OPTIONAL { ?article kg:url ?url }
  OPTIONAL { ?article kg:published ?published }
  OPTIONAL { ?article kg:outlet ?outletIri } OPTIONAL { ?article kg:author ?authorIri }
  # an unset parameter is "any" (COALESCE, not BOUND: pyoxigraph folds BOUND of a substituted variable)
  FILTER(COALESCE($outlet, "-") = "-" || EXISTS { ?article kg:outlet $outlet })
  FILTER(COALESCE($since, "-") = "-" || ?published >= $since)
  FILTER(COALESCE($until, "-") = "-" || ?published <= $until)
  FILTER(COALESCE($actor, "-") = "-" || EXISTS { ?mention kg:refersTo $actor ; kg:extractedFrom ?article }
         || EXISTS { ?article kg:author|kg:outlet $actor })
} ORDER BY DESC(?published) ?title ?article
""")

CLAIM_COUNTS = _q("claim-counts", """
# title: Claims per article
# description: How many statements, meetings and predictions were extracted from each article.
SELECT ?article ?kind (COUNT(DISTINCT ?node) AS ?count) WHERE {
  VALUES ?kind { kg:Statement kg:Meeting kg:Prediction }
  ?node a ?kind ; kg:extractedFrom ?article .
} GROUP BY ?article ?kind
""")

LABEL = _q("label", """
# title: Label
# description: The label of a node (rdfs:label, else skos:prefLabel), English or untagged first.
# param: node IRI required — any node
SELECT ?label $node WHERE {
  { $node rdfs:label ?label } UNION { $node skos:prefLabel ?label }
  FILTER(LANG(?label) = "" || LANGMATCHES(LANG(?label), "en"))
} ORDER BY DESC(LANG(?label) = "") ?label LIMIT 1
""")

ACTORS = _q("actors", """
# title: Actors
# description: Every actor that is mentioned, speaks or predicts, with how many articles involve it.
SELECT ?actor (SAMPLE(?name) AS ?label) (COUNT(DISTINCT ?article) AS ?articles)
       (COUNT(DISTINCT ?statement) AS ?statements) (COUNT(DISTINCT ?prediction) AS ?predictions) WHERE {
  { ?mention kg:refersTo ?actor ; kg:extractedFrom ?article }
  UNION { ?statement kg:speaker ?actor }
  UNION { ?prediction a kg:Prediction ; kg:predictor ?actor }
  UNION { ?article kg:author|kg:outlet ?actor }
  OPTIONAL { ?actor rdfs:label ?name }
} GROUP BY ?actor ORDER BY DESC(?articles) ?actor
""")

OUTLETS = _q("outlets", """
# title: Outlets
# description: The outlets of the articles.
SELECT DISTINCT ?outlet WHERE { ?article a kg:Article ; kg:outlet ?outlet }
""")

PROPERTIES = _q("properties", """
# title: Properties of a node
# description: Every triple with the node as subject, from any graph.
# param: node IRI required — the node
SELECT DISTINCT ?property ?value $node WHERE { $node ?property ?value }
""")

EXTRACTED = _q("extracted", """
# title: What was extracted from an article
# description: Every statement, meeting and prediction of the article with its span and all its properties.
# param: article IRI required — the article
SELECT DISTINCT ?node ?kind ?start ?end ?property ?value $article WHERE {
  VALUES ?kind { kg:Statement kg:Meeting kg:Prediction }
  ?node a ?kind ; kg:extractedFrom $article ; ?property ?value .
  OPTIONAL { ?node kg:span ?span . ?span oa:start ?start ; oa:end ?end }
}
""")

MENTIONED = _q("mentioned", """
# title: Actors of an article
# description: The actors an article mentions, most mentioned first.
# param: article IRI required — the article
SELECT ?actor (COUNT(DISTINCT ?mention) AS ?mentions) $article WHERE {
  ?mention kg:refersTo ?actor ; kg:extractedFrom $article .
} GROUP BY ?actor $article ORDER BY DESC(?mentions) ?actor
""")

STATUS = _q("status", """
# title: Current statuses
# description: The current status of the judged predictions (of one, or of one article's, or of all), and whether
# description: a person should look at the judgement again.
# param: prediction IRI optional — one prediction
# param: article IRI optional — the predictions of one article
SELECT ?node ?status ?review $prediction $article WHERE {
  GRAPH kgg:status { ?node kg:status ?status . OPTIONAL { ?node kg:needsReview ?review } }
  FILTER(COALESCE($prediction, "-") = "-" || ?node = $prediction)
  FILTER(COALESCE($article, "-") = "-" || EXISTS { ?node kg:extractedFrom $article })
}
""")

HISTORY = _q("history", """
# title: Status history
# description: Every resolution of one prediction (each in its own graph), one row per piece of evidence.
# param: prediction IRI required — the prediction
SELECT ?resolution ?outcome ?method ?agent ?rationale ?version ?asOf ?ended ?revises ?evidence ?source $prediction
WHERE {
  GRAPH ?g { ?resolution a kg:Resolution ; kg:resolves $prediction ; kg:outcome ?outcome ; kg:method ?method .
    OPTIONAL { ?resolution prov:wasAssociatedWith ?agent } OPTIONAL { ?resolution kg:rationale ?rationale }
    OPTIONAL { ?resolution kg:resolverVersion ?version } OPTIONAL { ?resolution kg:asOf ?asOf }
    OPTIONAL { ?resolution prov:endedAtTime ?ended } OPTIONAL { ?resolution kg:revises ?revises }
    OPTIONAL { ?resolution kg:evidence ?evidence } OPTIONAL { ?resolution kg:evidenceSource ?source } }
}
""")

NODE_SPAN = _q("node-span", """
# title: Where a node was found
# description: The article, kind and character span of an extracted node.
# param: node IRI required — a statement, meeting or prediction
SELECT ?article ?kind ?start ?end $node WHERE {
  VALUES ?kind { kg:Statement kg:Meeting kg:Prediction }
  $node a ?kind ; kg:extractedFrom ?article .
  OPTIONAL { $node kg:span ?span . ?span oa:start ?start ; oa:end ?end }
}
""")

CLAIM = _q("claim", """
# title: The proposition of a prediction
# description: What the prediction claims, as a kg:Proposition linked from it or named <prediction>/claim.
# param: node IRI required — the prediction
SELECT DISTINCT ?claim ?property ?value $node WHERE {
  ?claim a kg:Proposition ; ?property ?value .
  FILTER(?claim = IRI(CONCAT(STR($node), "/claim")) || EXISTS { $node ?link ?claim })
} ORDER BY ?property
""")

SPOKEN = _q("spoken", """
# title: Statements of an actor
# description: What one actor said, in the order it was said.
# param: actor IRI required — the speaker
SELECT DISTINCT ?statement ?text ?said ?medium ?article ?published $actor WHERE {
  ?statement a kg:Statement ; kg:speaker $actor ; kg:text ?text ; kg:extractedFrom ?article .
  OPTIONAL { ?statement kg:saidOn ?said } OPTIONAL { ?statement kg:medium ?medium }
  OPTIONAL { ?article kg:published ?published }
} ORDER BY COALESCE(?said, ?published) ?statement
""")

MET = _q("met", """
# title: Meetings of an actor
# description: Meetings one actor took part in (or hosted), by date.
# param: actor IRI required — the participant
SELECT ?meeting ?start ?end ?place ?kind ?status ?article ?exact
       (GROUP_CONCAT(DISTINCT STR(?other); separator=" ") AS ?others) $actor WHERE {
  ?meeting a kg:Meeting ; kg:participant|kg:host $actor ; kg:extractedFrom ?article .
  OPTIONAL { ?meeting kg:startDate ?start } OPTIONAL { ?meeting kg:endDate ?end }
  OPTIONAL { ?meeting kg:place ?place } OPTIONAL { ?meeting kg:meetingKind ?kind }
  OPTIONAL { ?meeting kg:meetingStatus ?status }
  OPTIONAL { ?meeting kg:span/oa:exact ?exact }
  OPTIONAL { ?meeting kg:participant ?other FILTER(?other != $actor) }
} GROUP BY ?meeting ?start ?end ?place ?kind ?status ?article ?exact $actor ORDER BY ?start ?meeting
""")

PREDICTION_LINKS = _q("prediction-links", """
# title: Predictors and articles of the predictions
# description: For each prediction, who made it and the article it was found in.
SELECT ?prediction ?predictor ?article WHERE {
  ?prediction a kg:Prediction ; kg:predictor ?predictor ; kg:extractedFrom ?article .
}
""")

ARTICLE_GRAPH = _q("article-graph", """
# title: An article's triples
# description: Everything in the named graph that holds the article (what was extracted from it).
# param: node IRI required — the article
CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { $node a kg:Article . ?s ?p ?o } }
""")

DESCRIBE = _q("describe", """
# title: A node's triples
# description: The node's own triples, those of its text span and of its proposition (a concise description).
# param: node IRI required — a statement, meeting, prediction, resolution or actor
CONSTRUCT { $node ?p ?o . ?d ?dp ?do } WHERE {
  { $node ?p ?o }
  UNION { VALUES ?t { kg:TextSpan kg:Proposition } $node ?link ?d . ?d a ?t ; ?dp ?do }
  UNION { ?d a kg:Proposition ; ?dp ?do . FILTER(?d = IRI(CONCAT(STR($node), "/claim"))) }
}
""")

IS_ARTICLE = _q("is-article", """
# title: Is it an article
# description: True when the node is a kg:Article.
# param: node IRI required — any node
ASK { $node a kg:Article }
""")
