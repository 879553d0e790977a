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

/// The conversation crib sheet, in the order of a good conversation: understand first,
/// explain before offering, and end with a promise of news. // G8, G10, G11, G13, G24, G26,
/// G28, G29, G30, G31, G34
pub const CRIB_SHEET: &[CribLine] = &[
    // G24, G10
    CribLine {
        step: "Acknowledge",
        say: "\"I can hear this has been really frustrating, and I'm glad you told me.\"",
    },
    // G24
    CribLine {
        step: "Say sorry for the misunderstanding",
        say: "\"I'm sorry there's been a misunderstanding.\" It admits no fault; it shows you care.",
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
    // G26
    CribLine {
        step: "Explain without defending",
        say: "Offer something new: a record, a reason, a different angle. Repeating what they already know does not help.",
    },
    // G28
    CribLine {
        step: "Ask what would make it right",
        say: "\"What would feel like a fair way to settle this for you?\"",
    },
    // G29
    CribLine {
        step: "Offer a choice",
        say: "\"Here are two or three ways we could put this right. Which would suit you?\"",
    },
    // G28
    CribLine {
        step: "Counter-offer",
        say: "\"I can't do that, but here is what I can do …\"",
    },
    // G30
    CribLine {
        step: "A peace offering",
        say: "Even when you are right: a share off this invoice, or a bigger one off the next.",
    },
    // G31
    CribLine {
        step: "Check it meets their needs",
        say: "\"Does this meet your needs?\"",
    },
    // G34
    CribLine {
        step: "Promise the next update",
        say: "\"You'll hear from me by Thursday, even if it's only to say I'm still on it.\"",
    },
    // G8
    CribLine {
        step: "End a heated call well",
        say: "\"I want to get this right, and I think we both need a pause. Can I call you back tomorrow morning?\"",
    },
];

/// Suggested clarifying questions for the Listen stage. // G11, G12, G17, G18, G35
pub const CLARIFYING_QUESTIONS: &[&str] = &[
    "What happened, from your point of view?",
    "What were you expecting to happen?",
    // G17
    "Was anything promised that you did not get?",
    // G18
    "How have you been using it?",
    "When did you first notice the problem?",
    "How has this affected you or your business?",
    "Is anything else about our work bothering you?",
    "What would make this right for you?",
    // G35
    "How could we have avoided this?",
];

/// When a complaint arrives, or a decision is hard. // G47
pub const NOT_PERSONAL: &str = "A complaint is about the work, not about you. Treat it as a chance to get better, not as a judgement of who you are.";

/// After a hard or heated conversation. // G45
pub const TAKE_A_PAUSE: &str = "Step away before you reply: a walk, some exercise, anything else for a while. Come back to it calmer.";

/// After any conversation with the client, logged. // G45, G47
pub const AFTER_A_CONVERSATION: &str = "That is done. Take a breath, and do something else for ten minutes before the next step. It was about the work, not about you.";

/// Before the concern is judged: how to start, whatever the answer. // G24
pub const BEFORE_VALIDITY: &str = "Choose an answer above to see how to respond. Whatever the answer, start by acknowledging how they feel.";

/// Before any decision to end it. // G42, G43
pub const BEFORE_ENDING: &str = "If you decide to end the relationship, a short checklist appears here to help you do it respectfully. It is better that ending is your decision, made calmly, than something that happens to you.";

/// The respectful exit checklist, for ending a client relationship. // G43
pub const EXIT_CHECKLIST: &[&str] = &[
    "Settle what the contract says is owed, on both sides",
    "Refund, or agree a pro-rated payment for the work done",
    "Refer them to someone who may suit them better",
    "Give notice in writing, brief and polite",
    "Make the decision on a calm day, not in the heat of the moment",
];

/// Before the first call: five minutes, then the call; the worksheet after. // G3, G6
pub const START_LEDE: &str = "Five minutes now: who, what, what it is worth to you, and what to say. You can fill in the full worksheet afterwards.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_complete() {
        assert_eq!(GROUND_RULES.len(), 6);
        assert_eq!(CRIB_SHEET.len(), 12);
        assert_eq!(EXIT_CHECKLIST.len(), 5);
        assert!(CLARIFYING_QUESTIONS.iter().all(|q| q.ends_with('?')));
        // Seed 000's order: the explanation comes before any remedy.
        let at = |step: &str| CRIB_SHEET.iter().position(|l| l.step == step).unwrap();
        assert!(at("Say sorry for the misunderstanding") < at("Explain without defending"));
        assert!(at("Explain without defending") < at("Offer a choice"));
        assert!(at("Offer a choice") < at("A peace offering"));
        assert!(at("A peace offering") < at("Check it meets their needs"));
        assert!(at("Check it meets their needs") < at("Promise the next update"));
    }
}

#[cfg(test)]
mod own_words {
    //! The app's advice is written in its own words: no run of eight words from the source
    //! articles (in ../shared/seeds, where this checkout sits beside them).

    fn words(text: &str) -> Vec<String> {
        text.to_lowercase()
            .split(|c: char| !(c.is_ascii_lowercase() || c == '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn no_sentence_of_the_articles_is_copied() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
        let Ok(dir) = std::fs::read_dir(&seeds) else {
            return; // the articles are not beside this checkout
        };
        let mut runs = std::collections::HashSet::new();
        for f in dir.flatten() {
            let w = words(&std::fs::read_to_string(f.path()).unwrap_or_default());
            runs.extend(w.windows(8).map(|r| r.join(" ")));
        }
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![src];
        while let Some(p) = stack.pop() {
            for e in std::fs::read_dir(&p).into_iter().flatten().flatten() {
                let path = e.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|x| x == "rs") {
                    let w = words(&std::fs::read_to_string(&path).unwrap_or_default());
                    for r in w.windows(8) {
                        let run = r.join(" ");
                        assert!(!runs.contains(&run), "{}: copies \"{run}\"", path.display());
                    }
                }
            }
        }
    }
}
