//! Every screen's address. Routes live in the URL fragment (`#/cases/…`) so each screen
//! survives a reload on any static host, under any sub-path, with no rewrite rules.
//! This module is pure: it parses and prints fragments and is tested natively.

use crate::model::Stage;
use crate::model::drafts::DraftKind;
use crate::model::record::is_valid_id;

/// A printable view. Print views are ordinary screens so they work offline too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintView {
    /// A blank worksheet to fill in by hand at a meeting.
    Blank,
    /// The one-page conversation crib sheet.
    Crib,
    /// One filled case.
    Case(String),
    /// The "choose your remedy" sheet to hand to the client.
    Remedy(String),
    /// The call script for one case.
    Script(String),
    /// One drafted message of a case, on paper.
    Draft(String, DraftKind),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Cases,
    NewCase,
    /// Before you call: the five-minute start for a case.
    Start(String),
    Case {
        id: String,
        stage: Stage,
    },
    /// The saved mediation clauses.
    Clause,
    /// One clause, its options beside the text.
    ClauseEdit(String),
    /// A draft request for mediation: a clause applied to a case.
    MediationRequest {
        clause: String,
        case: String,
    },
    Journal,
    /// A new journal entry, about a case if given (replaced by the entry once made).
    NewReflection(Option<String>),
    JournalEntry(String),
    Trends,
    Backup,
    /// Sync between devices: its settings and status.
    Sync,
    Print(PrintView),
    /// A share link: the payload after `#/shared/` (empty once it has been read).
    Shared(String),
    /// Anything we do not recognise, kept so the not-found screen can show it.
    NotFound(String),
}

impl Route {
    /// Parses a fragment such as `#/cases/abc/numbers` (the leading `#` is optional).
    pub fn parse(fragment: &str) -> Route {
        let path = fragment.strip_prefix('#').unwrap_or(fragment);
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        let parts: Vec<&str> = if path.is_empty() {
            Vec::new()
        } else {
            path.split('/').collect()
        };
        let id = |s: &str| is_valid_id(s).then(|| s.to_string());
        let parsed = match parts.as_slice() {
            [] => Some(Route::Home),
            ["cases"] => Some(Route::Cases),
            ["cases", "new"] => Some(Route::NewCase),
            ["cases", case, "start"] => id(case).map(Route::Start),
            ["cases", case] => id(case).map(|id| Route::Case {
                id,
                stage: Stage::Case,
            }),
            ["cases", case, stage] => id(case)
                .zip(Stage::from_slug(stage))
                .map(|(id, stage)| Route::Case { id, stage }),
            ["clause"] => Some(Route::Clause),
            ["clause", c] => id(c).map(Route::ClauseEdit),
            ["clause", c, "request", case] => id(c)
                .zip(id(case))
                .map(|(clause, case)| Route::MediationRequest { clause, case }),
            ["journal"] => Some(Route::Journal),
            ["journal", "new"] => Some(Route::NewReflection(None)),
            ["journal", "new", case] => id(case).map(|c| Route::NewReflection(Some(c))),
            ["journal", entry] => id(entry).map(Route::JournalEntry),
            ["trends"] => Some(Route::Trends),
            ["backup"] => Some(Route::Backup),
            ["sync"] => Some(Route::Sync),
            ["print", "blank"] => Some(Route::Print(PrintView::Blank)),
            ["print", "crib"] => Some(Route::Print(PrintView::Crib)),
            ["print", "case", case] => id(case).map(|id| Route::Print(PrintView::Case(id))),
            ["print", "remedy", case] => id(case).map(|id| Route::Print(PrintView::Remedy(id))),
            ["print", "script", case] => id(case).map(|id| Route::Print(PrintView::Script(id))),
            ["print", "draft", case, kind] => id(case)
                .zip(DraftKind::from_key(kind))
                .map(|(id, kind)| Route::Print(PrintView::Draft(id, kind))),
            ["shared"] => Some(Route::Shared(String::new())),
            ["shared", payload] => Some(Route::Shared(payload.to_string())),
            _ => None,
        };
        parsed.unwrap_or_else(|| Route::NotFound(fragment.to_string()))
    }

    /// The canonical fragment for this route, with its leading `#`.
    pub fn to_fragment(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Cases => "#/cases".into(),
            Route::NewCase => "#/cases/new".into(),
            Route::Start(id) => format!("#/cases/{id}/start"),
            Route::Case { id, stage } => format!("#/cases/{id}/{}", stage.slug()),
            Route::Clause => "#/clause".into(),
            Route::ClauseEdit(id) => format!("#/clause/{id}"),
            Route::MediationRequest { clause, case } => format!("#/clause/{clause}/request/{case}"),
            Route::Journal => "#/journal".into(),
            Route::NewReflection(None) => "#/journal/new".into(),
            Route::NewReflection(Some(case)) => format!("#/journal/new/{case}"),
            Route::JournalEntry(id) => format!("#/journal/{id}"),
            Route::Trends => "#/trends".into(),
            Route::Backup => "#/backup".into(),
            Route::Sync => "#/sync".into(),
            Route::Print(PrintView::Blank) => "#/print/blank".into(),
            Route::Print(PrintView::Crib) => "#/print/crib".into(),
            Route::Print(PrintView::Case(id)) => format!("#/print/case/{id}"),
            Route::Print(PrintView::Remedy(id)) => format!("#/print/remedy/{id}"),
            Route::Print(PrintView::Script(id)) => format!("#/print/script/{id}"),
            Route::Print(PrintView::Draft(id, kind)) => {
                format!("#/print/draft/{id}/{}", kind.key())
            }
            Route::Shared(p) if p.is_empty() => "#/shared".into(),
            Route::Shared(p) => format!("#/shared/{p}"),
            Route::NotFound(raw) => raw.clone(),
        }
    }

    /// The main navigation section this route belongs to, for highlighting the nav.
    pub fn section(&self) -> Section {
        match self {
            Route::Home | Route::NotFound(_) => Section::Home,
            Route::Cases | Route::NewCase | Route::Start(_) | Route::Case { .. } => Section::Cases,
            Route::Print(_) => Section::Cases,
            Route::Shared(_) => Section::Cases,
            Route::Clause | Route::ClauseEdit(_) | Route::MediationRequest { .. } => {
                Section::Clause
            }
            Route::Journal | Route::NewReflection(_) | Route::JournalEntry(_) => Section::Journal,
            Route::Trends => Section::Trends,
            Route::Backup | Route::Sync => Section::Backup,
        }
    }

    /// Page title; the app appends its own name.
    pub fn title(&self) -> String {
        match self {
            Route::Home => "Home".into(),
            Route::Cases => "Cases".into(),
            Route::NewCase => "New case".into(),
            Route::Start(_) => "Before you call".into(),
            Route::Case { stage, .. } => format!("{} · Case", stage.title()),
            Route::Clause => "Mediation clauses".into(),
            Route::ClauseEdit(_) => "Mediation clause".into(),
            Route::MediationRequest { .. } => "Request for mediation".into(),
            Route::Journal => "Reflection journal".into(),
            Route::NewReflection(_) => "New reflection".into(),
            Route::JournalEntry(_) => "Reflection".into(),
            Route::Trends => "Trends".into(),
            Route::Backup => "Backup".into(),
            Route::Sync => "Sync between devices".into(),
            Route::Print(PrintView::Blank) => "Blank worksheet".into(),
            Route::Print(PrintView::Crib) => "Conversation crib sheet".into(),
            Route::Print(PrintView::Case(_)) => "Case worksheet".into(),
            Route::Print(PrintView::Remedy(_)) => "Choose your remedy".into(),
            Route::Print(PrintView::Script(_)) => "Call script".into(),
            Route::Print(PrintView::Draft(_, kind)) => kind.title().into(),
            Route::Shared(_) => "Shared case".into(),
            Route::NotFound(_) => "Page not found".into(),
        }
    }
}

/// The top-level navigation entries, in the order they appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Home,
    Cases,
    Clause,
    Journal,
    Trends,
    Backup,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Home,
        Section::Cases,
        Section::Clause,
        Section::Journal,
        Section::Trends,
        Section::Backup,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Home => "Home",
            Section::Cases => "Cases",
            Section::Clause => "Clause",
            Section::Journal => "Journal",
            Section::Trends => "Trends",
            Section::Backup => "Backup",
        }
    }

    pub fn route(self) -> Route {
        match self {
            Section::Home => Route::Home,
            Section::Cases => Route::Cases,
            Section::Clause => Route::Clause,
            Section::Journal => Route::Journal,
            Section::Trends => Route::Trends,
            Section::Backup => Route::Backup,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_routes() -> Vec<Route> {
        let mut routes = vec![
            Route::Home,
            Route::Cases,
            Route::NewCase,
            Route::Clause,
            Route::ClauseEdit("c1".into()),
            Route::MediationRequest {
                clause: "c1".into(),
                case: "k2".into(),
            },
            Route::Journal,
            Route::NewReflection(None),
            Route::NewReflection(Some("k2".into())),
            Route::JournalEntry("j_1-X".into()),
            Route::Trends,
            Route::Backup,
            Route::Sync,
            Route::Print(PrintView::Blank),
            Route::Print(PrintView::Crib),
            Route::Print(PrintView::Case("abc".into())),
            Route::Print(PrintView::Remedy("abc".into())),
            Route::Print(PrintView::Script("abc".into())),
            Route::Print(PrintView::Draft("abc".into(), DraftKind::AfterCall)),
            Route::Start("abc".into()),
            Route::Shared(String::new()),
            Route::Shared("1e400.0a1b2c3d.ab-_".into()),
        ];
        for stage in Stage::ALL {
            routes.push(Route::Case {
                id: "Zx9_-a".into(),
                stage,
            });
        }
        routes
    }

    #[test]
    fn every_route_round_trips() {
        for route in all_routes() {
            let fragment = route.to_fragment();
            assert!(fragment.starts_with("#/"), "{fragment}");
            assert_eq!(Route::parse(&fragment), route, "{fragment}");
        }
    }

    #[test]
    fn lenient_forms_parse_to_the_canonical_route() {
        let cases = [
            ("", Route::Home),
            ("#", Route::Home),
            ("#/", Route::Home),
            ("/cases/", Route::Cases),
            ("#cases", Route::Cases),
            (
                "#/cases/abc",
                Route::Case {
                    id: "abc".into(),
                    stage: Stage::Case,
                },
            ),
            ("#/journal/", Route::Journal),
        ];
        for (input, expected) in cases {
            assert_eq!(Route::parse(input), expected, "{input:?}");
        }
    }

    #[test]
    fn unknown_fragments_are_not_found() {
        for input in [
            "#/nope",
            "#/cases/abc/nostage",
            "#/cases/a b",
            "#/cases/<script>",
            "#/cases/abc/case/extra",
            "#/print",
            "#/print/case",
            "#/journal/%20",
            "#/clause/c1/request",
            "#/clause/c1/other/k2",
        ] {
            assert_eq!(
                Route::parse(input),
                Route::NotFound(input.into()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn ids_must_be_url_safe_and_short() {
        assert!(is_valid_id("aZ09-_"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a.b"));
        assert!(!is_valid_id(&"a".repeat(65)));
    }

    #[test]
    fn every_section_links_to_a_route_in_that_section() {
        for s in Section::ALL {
            assert_eq!(s.route().section(), s);
        }
    }
}
