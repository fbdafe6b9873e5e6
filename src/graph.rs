//! The graph: certifications and elements as nodes; hierarchy, typed links, correspondences and
//! succession as edges (petgraph). Everything that asks "what points here?" asks the graph.

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::ids::{CertId, ElementKey, TableId};
use crate::model::Corpus;
use crate::schema::{Rel, Relation};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Node {
    Certification { id: CertId },
    Element { id: ElementKey },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Edge {
    /// Certification → its top-level elements; parent → child.
    Contains,
    /// A typed link written on the source element.
    Link { rel: Rel },
    /// A pair of a correspondence table.
    Corresponds { table: TableId, relation: Relation },
    /// Certification → its successor.
    SucceededBy,
}

pub struct Graph {
    pub g: DiGraph<Node, Edge>,
    elements: HashMap<ElementKey, NodeIndex>,
    certs: HashMap<CertId, NodeIndex>,
}

impl Graph {
    pub fn build(corpus: &Corpus) -> Graph {
        let mut g = DiGraph::new();
        let mut certs = HashMap::new();
        let mut elements = HashMap::new();
        for c in &corpus.certs {
            certs.insert(c.id.clone(), g.add_node(Node::Certification { id: c.id.clone() }));
        }
        for e in &corpus.elements {
            elements.insert(e.key.clone(), g.add_node(Node::Element { id: e.key.clone() }));
        }
        for e in &corpus.elements {
            let n = elements[&e.key];
            let from = match &e.parent {
                Some(p) => elements[p],
                None => certs[&e.key.cert],
            };
            g.add_edge(from, n, Edge::Contains);
            for l in &e.links {
                g.add_edge(n, elements[&l.to], Edge::Link { rel: l.rel });
            }
        }
        for c in &corpus.correspondences {
            for p in &c.pairs {
                for a in &p.from {
                    for b in &p.to {
                        g.add_edge(
                            elements[a],
                            elements[b],
                            Edge::Corresponds { table: c.id.clone(), relation: p.relation },
                        );
                    }
                }
            }
        }
        for c in &corpus.certs {
            for s in &c.successors {
                if let (Some(a), Some(b)) = (certs.get(&c.id), certs.get(&s.id)) {
                    g.add_edge(*a, *b, Edge::SucceededBy);
                }
            }
            for p in &c.predecessors {
                if let (Some(a), Some(b)) = (certs.get(&p.id), certs.get(&c.id))
                    && !g.edges_connecting(*a, *b).any(|e| *e.weight() == Edge::SucceededBy)
                {
                    g.add_edge(*a, *b, Edge::SucceededBy);
                }
            }
        }
        Graph { g, elements, certs }
    }

    fn key(&self, n: NodeIndex) -> Option<&ElementKey> {
        match &self.g[n] {
            Node::Element { id } => Some(id),
            Node::Certification { .. } => None,
        }
    }

    /// Elements that link to `key`, with the relation: the inverse relations (certified by …).
    pub fn incoming_links(&self, key: &ElementKey) -> Vec<(Rel, &ElementKey)> {
        let Some(n) = self.elements.get(key) else { return Vec::new() };
        let mut out: Vec<(Rel, &ElementKey)> = self
            .g
            .edges_directed(*n, Direction::Incoming)
            .filter_map(|e| match e.weight() {
                Edge::Link { rel } => self.key(e.source()).map(|k| (*rel, k)),
                _ => None,
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Counterparts of `key` through correspondence tables, both directions:
    /// (table, relation as read from `key`'s side, other element).
    pub fn correspondents(&self, key: &ElementKey) -> Vec<(&TableId, Relation, bool, &ElementKey)> {
        let Some(n) = self.elements.get(key) else { return Vec::new() };
        let mut out = Vec::new();
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in self.g.edges_directed(*n, dir) {
                if let Edge::Corresponds { table, relation } = e.weight() {
                    let other = if dir == Direction::Outgoing { e.target() } else { e.source() };
                    if let Some(k) = self.key(other) {
                        out.push((table, *relation, dir == Direction::Outgoing, k));
                    }
                }
            }
        }
        out.sort();
        out
    }

    /// Certifications that follow `id` in its lineage (stated on either side).
    pub fn successors(&self, id: &CertId) -> Vec<&CertId> {
        self.succession(id, Direction::Outgoing)
    }

    /// Certifications that `id` follows in its lineage (stated on either side).
    pub fn predecessors(&self, id: &CertId) -> Vec<&CertId> {
        self.succession(id, Direction::Incoming)
    }

    /// The certifications at the other end of `id`'s succession edges, in the order the data
    /// states them.
    fn succession(&self, id: &CertId, dir: Direction) -> Vec<&CertId> {
        let Some(n) = self.certs.get(id) else { return Vec::new() };
        let mut out: Vec<&CertId> = self
            .g
            .edges_directed(*n, dir)
            .filter(|e| *e.weight() == Edge::SucceededBy)
            .filter_map(|e| {
                match &self.g[if dir == Direction::Outgoing { e.target() } else { e.source() }] {
                    Node::Certification { id } => Some(id),
                    Node::Element { .. } => None,
                }
            })
            .collect();
        // petgraph lists a node's edges newest first.
        out.reverse();
        out
    }

    /// Nodes and edges as JSON-ready values (node ids are strings).
    /// The graph as JSON, `{"edges": [{"edge", "from", "to"}…], "nodes": [{"id", "node"}…]}`,
    /// one node or edge at a time (keys in serde_json's sorted order).
    pub(crate) fn write_json(&self, out: &mut Vec<u8>) {
        let name = |n: NodeIndex| match &self.g[n] {
            Node::Certification { id } => id.to_string(),
            Node::Element { id } => id.to_string(),
        };
        let put = |out: &mut Vec<u8>, i: usize, v: serde_json::Value| {
            if i > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut *out, &v).expect("a JSON value serialises");
        };
        out.extend_from_slice(b"{\"edges\":[");
        for (i, e) in self.g.edge_references().enumerate() {
            put(
                out,
                i,
                serde_json::json!({"from": name(e.source()), "to": name(e.target()), "edge": e.weight()}),
            );
        }
        out.extend_from_slice(b"],\"nodes\":[");
        for (i, n) in self.g.node_indices().enumerate() {
            put(out, i, serde_json::json!({"id": name(n), "node": self.g[n]}));
        }
        out.extend_from_slice(b"]}");
    }
}
