//! Unreachable rules: does every request that matches B also match A?
//!
//! The check is sound, not complete: when it says yes, B can never be
//! reached behind A; when it cannot prove it, it says no (a policy is never
//! refused for a shadow that is not there).

use cordon_detectors::clinical::Signals;
use cordon_detectors::{Categories, Entity};

use crate::eval::glob;
use crate::policy::{Cond, Vocabulary};

/// One conjunct of a condition.
enum Atom<'a> {
    Entities(&'a [Entity], f32, u32),
    Categories(Categories, f32, u32),
    AnyFinding(f32, u32),
    Tenant(&'a [String]),
    Client(&'a [String]),
    Jurisdiction(&'a [String]),
    Model(&'a [String]),
    Endpoint(&'a [String]),
    Unscannable(bool),
    Words(usize),
    Context(Signals),
    Any(&'a [Cond]),
    Not(&'a Cond),
}

fn atoms<'a>(c: &'a Cond, out: &mut Vec<Atom<'a>>) {
    if let Some(e) = &c.entities {
        out.push(Atom::Entities(e, c.min_score, c.min_count));
    }
    if let Some(cs) = c.categories {
        out.push(Atom::Categories(cs, c.min_score, c.min_count));
    }
    if c.any_finding {
        out.push(Atom::AnyFinding(c.min_score, c.min_count));
    }
    if let Some(v) = &c.tenant {
        out.push(Atom::Tenant(v));
    }
    if let Some(v) = &c.client {
        out.push(Atom::Client(v));
    }
    if let Some(v) = &c.jurisdiction {
        out.push(Atom::Jurisdiction(v));
    }
    if let Some(v) = &c.model {
        out.push(Atom::Model(v));
    }
    if let Some(v) = &c.endpoint {
        out.push(Atom::Endpoint(v));
    }
    if let Some(u) = c.unscannable {
        out.push(Atom::Unscannable(u));
    }
    if let Some(w) = c.words {
        out.push(Atom::Words(w));
    }
    if let Some(s) = c.context {
        out.push(Atom::Context(s));
    }
    for child in &c.all {
        atoms(child, out);
    }
    if !c.any.is_empty() {
        out.push(Atom::Any(&c.any));
    }
    if let Some(n) = &c.not {
        out.push(Atom::Not(n));
    }
}

fn subset(b: &[String], a: &[String]) -> bool {
    b.iter().all(|x| a.contains(x))
}

/// B ⇒ A: every request matching `b` matches `a`.
pub fn implies(b: &Cond, a: &Cond, vocab: &Vocabulary) -> bool {
    let mut bs = Vec::new();
    atoms(b, &mut bs);
    let mut as_ = Vec::new();
    atoms(a, &mut as_);
    as_.iter().all(|atom| conj_implies(&bs, atom, vocab))
}

/// A conjunction of atoms implies one atom.
fn conj_implies(bs: &[Atom<'_>], a: &Atom<'_>, vocab: &Vocabulary) -> bool {
    match a {
        Atom::Any(members) => {
            // B ⇒ (m1 ∨ m2 ∨ ...) when B implies one of them.
            let b_cond = Conj(bs);
            return members.iter().any(|m| {
                let mut ms = Vec::new();
                atoms(m, &mut ms);
                ms.iter().all(|x| b_cond.implies(x, vocab))
            });
        }
        Atom::Not(x) => {
            return bs.iter().any(|b| matches!(b, Atom::Not(y) if *y == *x));
        }
        _ => {}
    }
    Conj(bs).implies(a, vocab)
}

struct Conj<'x, 'a>(&'x [Atom<'a>]);

impl Conj<'_, '_> {
    fn implies(&self, a: &Atom<'_>, vocab: &Vocabulary) -> bool {
        self.0.iter().any(|b| atom_implies(b, a, vocab))
            || self.0.iter().any(|b| match b {
                // (m1 ∨ m2) ⇒ a when every member implies a.
                Atom::Any(members) => members.iter().all(|m| {
                    let mut ms = Vec::new();
                    atoms(m, &mut ms);
                    conj_implies(&ms, a, vocab)
                }),
                _ => false,
            })
    }
}

fn atom_implies(b: &Atom<'_>, a: &Atom<'_>, vocab: &Vocabulary) -> bool {
    use Atom::*;
    match (b, a) {
        (Entities(eb, sb, cb), Entities(ea, sa, ca)) => eb.iter().all(|e| ea.contains(e)) && sb >= sa && cb >= ca,
        (Entities(eb, sb, cb), Categories(ca_set, sa, ca)) => {
            eb.iter().all(|e| vocab.categories(e).intersects(*ca_set)) && sb >= sa && cb >= ca
        }
        (Categories(cb_set, sb, cb), Categories(ca_set, sa, ca)) => cb_set.is_subset(*ca_set) && sb >= sa && cb >= ca,
        (Entities(_, sb, cb) | Categories(_, sb, cb) | AnyFinding(sb, cb), AnyFinding(sa, ca)) => sb >= sa && cb >= ca,
        (Tenant(b), Tenant(a))
        | (Client(b), Client(a))
        | (Jurisdiction(b), Jurisdiction(a))
        | (Endpoint(b), Endpoint(a)) => subset(b, a),
        (Model(b), Model(a)) => b.iter().all(|pb| {
            a.iter().any(|pa| {
                if pb.contains('*') {
                    // A glob is covered by an equal glob or by `prefix*` covering its prefix.
                    pa == pb
                        || (pa.ends_with('*')
                            && !pa[..pa.len() - 1].contains('*')
                            && pb.starts_with(&pa[..pa.len() - 1]))
                } else {
                    glob(pa, pb)
                }
            })
        }),
        (Unscannable(x), Unscannable(y)) => x == y,
        (Words(x), Words(y)) => x == y,
        // Clinical context of one of b's kinds is one of a's when a's are more.
        (Context(b), Context(a)) => b.is_subset(*a),
        _ => false,
    }
}
