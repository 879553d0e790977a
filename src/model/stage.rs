//! The stages of the complaint worksheet, in the order the user is walked through them.

/// One screen of the worksheet. `Summary` is the check-your-answers screen at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    Case,
    Numbers,
    ReachOut,
    Listen,
    Restate,
    Diagnose,
    Resolve,
    FollowUp,
    Prevent,
    Decide,
    Summary,
}

impl Stage {
    /// The stage as numbered in the worksheet: "3. Reach out".
    pub fn heading(self) -> String {
        format!("{}. {}", self.index() + 1, self.title())
    }

    /// "4 of 10 stages done".
    pub fn done_of_all(done: usize) -> String {
        format!("{done} of {} stages done", Stage::questions().len())
    }

    /// Every stage in worksheet order.
    pub const ALL: [Stage; 11] = [
        Stage::Case,
        Stage::Numbers,
        Stage::ReachOut,
        Stage::Listen,
        Stage::Restate,
        Stage::Diagnose,
        Stage::Resolve,
        Stage::FollowUp,
        Stage::Prevent,
        Stage::Decide,
        Stage::Summary,
    ];

    /// The stages that hold questions (everything but the summary).
    pub fn questions() -> &'static [Stage] {
        &Self::ALL[..10]
    }

    /// The part of the address that names this stage.
    pub fn slug(self) -> &'static str {
        match self {
            Stage::Case => "case",
            Stage::Numbers => "numbers",
            Stage::ReachOut => "reach-out",
            Stage::Listen => "listen",
            Stage::Restate => "restate",
            Stage::Diagnose => "diagnose",
            Stage::Resolve => "resolve",
            Stage::FollowUp => "follow-up",
            Stage::Prevent => "prevent",
            Stage::Decide => "decide",
            Stage::Summary => "summary",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Stage> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The stage's name as the user sees it.
    pub fn title(self) -> &'static str {
        match self {
            Stage::Case => "The case",
            Stage::Numbers => "Know your numbers",
            Stage::ReachOut => "Reach out",
            Stage::Listen => "Listen",
            Stage::Restate => "Restate",
            Stage::Diagnose => "Diagnose",
            Stage::Resolve => "Resolve",
            Stage::FollowUp => "Follow up",
            Stage::Prevent => "Prevent",
            Stage::Decide => "Decide",
            Stage::Summary => "Summary",
        }
    }

    /// Position in the worksheet, starting at 0.
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> Option<Stage> {
        Self::ALL.get(self.index() + 1).copied()
    }

    pub fn prev(self) -> Option<Stage> {
        self.index().checked_sub(1).map(|i| Self::ALL[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for s in Stage::ALL {
            assert_eq!(Stage::from_slug(s.slug()), Some(s));
        }
        let mut slugs: Vec<_> = Stage::ALL.iter().map(|s| s.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Stage::ALL.len());
    }

    #[test]
    fn order_walks_forward_and_back() {
        assert_eq!(Stage::Case.prev(), None);
        assert_eq!(Stage::Case.next(), Some(Stage::Numbers));
        assert_eq!(Stage::Summary.next(), None);
        assert_eq!(Stage::Summary.prev(), Some(Stage::Decide));
        assert_eq!(Stage::questions().len(), 10);
        assert!(!Stage::questions().contains(&Stage::Summary));
    }
}
