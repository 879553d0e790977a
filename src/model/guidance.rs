//! The short pieces of advice the worksheet keeps in view: ground rules, the conversation
//! crib sheet, suggested clarifying questions, and the respectful exit checklist. Written in
//! Mend's own words.

/// Rules for the conversation itself. // G8, G9, G10
pub const GROUND_RULES: &[&str] = &[
    // G8
    "Stay courteous, whatever tone they take.",
    // G8
    "Keep your voice level; never match theirs.",
    // G8
    "Show no irritation, in words or in body language.",
    // G9
    "Let them take the time they need; do not hurry them to the point.",
    // G10
    "Settle the feelings first, then work on the problem.",
    // G8
    "If they start shouting, end the call politely and pick it up later, or in writing.",
];

/// One line of the conversation crib sheet: a move, and words you might use.
pub struct CribLine {
    pub step: &'static str,
    pub say: &'static str,
}

/// The conversation crib sheet. // G8, G10, G11, G13, G24, G26, G28
pub const CRIB_SHEET: &[CribLine] = &[
    // G24, G10
    CribLine {
        step: "Acknowledge",
        say: "\"I can hear this has been really frustrating, and I'm glad you told me.\"",
    },
    // G11
    CribLine {
        step: "Listen and ask",
        say: "\"Can you walk me through what happened, from your side?\"",
    },
    // G13
    CribLine {
        step: "Restate",
        say: "\"So if I have it right, the problem is … Is that it?\" Repeat until they agree.",
    },
    // G28
    CribLine {
        step: "Ask what would make it right",
        say: "\"What would feel like a fair way to settle this for you?\"",
    },
    // G28
    CribLine {
        step: "Counter-offer",
        say: "\"I can't do that, but here is what I can do …\"",
    },
    // G26
    CribLine {
        step: "Explain without defending",
        say: "Offer something new: a record, a reason, a different angle. Repeating what they already know does not help.",
    },
    // G8
    CribLine {
        step: "End a heated call well",
        say: "\"I want to get this right, and I think we both need a pause. Can I call you back tomorrow morning?\"",
    },
];

/// Suggested clarifying questions for the Listen stage. // G11, G12
pub const CLARIFYING_QUESTIONS: &[&str] = &[
    "What happened, from your point of view?",
    "What were you expecting to happen?",
    "When did you first notice the problem?",
    "How has this affected you or your business?",
    "Is anything else about our work bothering you?",
    "What would make this right for you?",
];

/// The respectful exit checklist, for ending a client relationship. // G43
pub const EXIT_CHECKLIST: &[&str] = &[
    "Settle what the contract says is owed, on both sides",
    "Refund, or agree a pro-rated payment for the work done",
    "Refer them to someone who may suit them better",
    "Give notice in writing, brief and polite",
    "Make the decision on a calm day, not in the heat of the moment",
];

/// What to do with each answer to "is the concern valid?". // G24, G25, G26
pub fn validity_advice(valid: super::case::Validity) -> &'static str {
    use super::case::Validity;
    match valid {
        // G25
        Validity::Yes => {
            "Say so plainly, and put it right: redo the work at no charge, take it off the invoice, whatever it takes for them to leave satisfied."
        }
        // G25, G26
        Validity::Partly => {
            "Own the part that is fair and fix it; for the rest, explain your view calmly, with something new they did not know."
        }
        // G24, G26
        Validity::No => {
            "Still acknowledge that they are upset and that you are sorry for the misunderstanding. Then explain without defending yourself, bringing new information or a new way of seeing what they know."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_complete() {
        assert_eq!(GROUND_RULES.len(), 6);
        assert_eq!(CRIB_SHEET.len(), 7);
        assert_eq!(EXIT_CHECKLIST.len(), 5);
        assert!(CLARIFYING_QUESTIONS.iter().all(|q| q.ends_with('?')));
    }
}
