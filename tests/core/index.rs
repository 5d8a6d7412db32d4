//! Opening the index: built when missing, reused when fresh, rebuilt when the data changed or
//! the index is damaged, and reindexed in place while questions keep being answered.

use crate::support;

use streambot::answer::{AnswerKind, respond};
use streambot::i18n::Lang;
use streambot::search::{Engine, OpenOutcome};
use support::fs::Scratch;

/// Opens (building if needed) the scratch copy's index.
fn open(s: &Scratch) -> (Engine, OpenOutcome) {
    Engine::open(&s.index(), &[s.data()], "test", &|_, _| {}).expect("open")
}

const EXTRA: &str = "show_id,type,title,director,cast,country,date_added,release_year,rating,duration,listed_in,description\n\
x1,Movie,Zebra Crossing Test Film,,,Mongolia,\"May 1, 2020\",2020,PG,90 min,Dramas,A test title.\n";

#[test]
fn built_once_then_reused_then_rebuilt_when_the_data_changes() {
    let s = Scratch::new("reuse");
    let (engine, outcome) = open(&s);
    assert_eq!(outcome, OpenOutcome::Built("there was no index yet".into()));
    let titles = engine.info().titles;
    drop(engine);

    let (_, outcome) = open(&s);
    assert_eq!(outcome, OpenOutcome::Opened);

    std::fs::write(s.root.join("data/titles/hulu_titles.csv"), EXTRA).unwrap();
    let (engine, outcome) = open(&s);
    assert_eq!(
        outcome,
        OpenOutcome::Built("the data changed since the index was built".into())
    );
    assert_eq!(engine.info().titles, titles + 1);
    let a = respond(&engine, "/titles origin:mn", Lang::En).unwrap();
    assert_eq!(a.total(), 1);
    assert_eq!(a.titles()[0].id, "hulu:x1");
}

#[test]
fn a_damaged_index_is_rebuilt() {
    let s = Scratch::new("damaged");
    drop(open(&s));
    std::fs::write(s.index().join("meta.json"), "{ not json").unwrap();
    let (engine, outcome) = open(&s);
    assert!(matches!(outcome, OpenOutcome::Built(_)), "{outcome:?}");
    assert_eq!(
        respond(&engine, "/why-not china", Lang::En).unwrap().kind(),
        AnswerKind::WhyNot
    );
    drop(engine);

    // Truncate every store file: the health check on open notices.
    for e in std::fs::read_dir(s.index()).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "store") {
            std::fs::write(e.path(), b"").unwrap();
        }
    }
    let (engine, outcome) = open(&s);
    assert!(matches!(outcome, OpenOutcome::Built(_)), "{outcome:?}");
    assert_eq!(
        respond(&engine, "/why-not russia", Lang::En)
            .unwrap()
            .kind(),
        AnswerKind::WhyNot
    );
}

#[test]
fn a_directory_with_other_files_is_never_wiped() {
    let s = Scratch::new("foreign");
    std::fs::create_dir_all(s.index()).unwrap();
    std::fs::write(s.index().join("notes.txt"), "mine").unwrap();
    let err = Engine::open(&s.index(), &[s.data()], "test", &|_, _| {}).unwrap_err();
    assert!(err.to_string().contains("refusing to overwrite"), "{err}");
    assert_eq!(
        std::fs::read_to_string(s.index().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn reindex_picks_up_new_files_and_keeps_answering() {
    let s = Scratch::new("reindex");
    let (engine, _) = open(&s);
    let before = respond(&engine, "/titles origin:mn", Lang::En).unwrap();
    assert_eq!(before.kind(), AnswerKind::NotFound);
    std::fs::write(s.root.join("data/titles/hulu_titles.csv"), EXTRA).unwrap();
    let engine = std::sync::Arc::new(engine);
    let asker = {
        let engine = engine.clone();
        std::thread::spawn(move || {
            for _ in 0..50 {
                let a = respond(&engine, "/why-not china", Lang::En).unwrap();
                assert_eq!(a.kind(), AnswerKind::WhyNot);
            }
        })
    };
    let rebuilt = engine
        .reindex(&[s.data()], "moderator", &|_, _| {})
        .unwrap();
    asker.join().unwrap();
    assert_eq!(rebuilt.info.built_by, "moderator");
    assert_eq!(
        respond(&engine, "/titles origin:mn", Lang::En)
            .unwrap()
            .total(),
        1
    );
}

#[test]
fn two_reindexes_at_once_one_runs_the_other_is_told() {
    let s = Scratch::new("busy");
    let (engine, _) = open(&s);
    let engine = std::sync::Arc::new(engine);
    let (started_tx, started_rx) = std::sync::mpsc::channel::<()>();
    let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
    let release_rx = std::sync::Mutex::new(release_rx);
    let first = {
        let engine = engine.clone();
        let data = vec![s.data()];
        std::thread::spawn(move || {
            let once = std::sync::Once::new();
            engine.reindex(&data, "first", &|_, _| {
                // Hold the reindex open (at its first progress report) until released.
                once.call_once(|| {
                    started_tx.send(()).unwrap();
                    release_rx.lock().unwrap().recv().unwrap();
                });
            })
        })
    };
    started_rx.recv().unwrap();
    let second = engine.reindex(&[s.data()], "second", &|_, _| {});
    assert!(
        matches!(second, Err(streambot::search::SearchError::Busy { .. })),
        "{second:?}"
    );
    assert_eq!(
        respond(&engine, "/why-not syria", Lang::En).unwrap().kind(),
        AnswerKind::WhyNot
    );
    release_tx.send(()).unwrap();
    let first = first.join().unwrap().unwrap();
    assert_eq!(first.info.built_by, "first");
    assert_eq!(engine.info().built_by, "first");
}

#[test]
fn a_build_committed_by_another_process_is_picked_up_without_restarting() {
    let s = Scratch::new("watch");
    let (engine, _) = open(&s);
    let titles = engine.info().titles;
    assert_eq!(engine.reload_if_changed().unwrap(), None);

    // What `streambot index`, run by an operator next to the serving process, does.
    std::fs::write(s.root.join("data/titles/hulu_titles.csv"), EXTRA).unwrap();
    let rebuilt = Engine::rebuild(&s.index(), &[s.data()], "operator", &|_, _| {}).unwrap();
    assert_eq!(rebuilt.info.titles, titles + 1);
    assert_eq!(
        respond(&engine, "/titles origin:mn", Lang::En)
            .unwrap()
            .total(),
        0
    );

    let reloaded = engine.reload_if_changed().unwrap().expect("a new build");
    assert_eq!(
        (reloaded.titles, reloaded.built_by.as_str()),
        (titles + 1, "operator")
    );
    assert_eq!(engine.info().built_by, "operator");
    let a = respond(&engine, "/titles origin:mn", Lang::En).unwrap();
    assert_eq!((a.total(), a.titles()[0].id.as_str()), (1, "hulu:x1"));
    assert_eq!(engine.reload_if_changed().unwrap(), None);
}
