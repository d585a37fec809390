//! What `orbit ingest PATH...` reads from files and directories, one behaviour per test.

use std::path::{Path, PathBuf};

use orbit_ingest::{Body, IngestError, RawArticle, read_paths, read_reader};

/// A temporary directory with files written into it.
struct Tree(tempfile::TempDir);

impl Tree {
    fn new() -> Self {
        Tree(tempfile::tempdir().expect("temp dir"))
    }

    fn file(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, bytes).expect("write");
        path
    }

    fn path(&self) -> &Path {
        self.0.path()
    }
}

fn read(paths: &[PathBuf]) -> Vec<Result<RawArticle, IngestError>> {
    read_paths(paths).collect()
}

fn text_of(a: &RawArticle) -> &str {
    match &a.body {
        Body::Text(t) | Body::Html(t) => t,
    }
}

#[test]
fn a_broken_jsonl_line_between_two_good_ones_gives_two_articles_and_one_error_naming_line_2() {
    let t = Tree::new();
    let f = t.file(
        "corpus.jsonl",
        "{\"text\": \"first\"}\n{\"text\": \"second\"\n{\"text\": \"third\"}\n",
    );
    let got = read(std::slice::from_ref(&f));
    assert_eq!(got.len(), 3);
    assert_eq!(text_of(got[0].as_ref().unwrap()), "first");
    let err = got[1].as_ref().unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}:2: invalid JSON (", f.display())),
        "{err}"
    );
    assert!(err.ends_with("; line skipped"), "{err}");
    assert!(!err.contains('\n'));
    let third = got[2].as_ref().unwrap();
    assert_eq!(text_of(third), "third");
    assert_eq!(third.origin, format!("{}:3", f.display()));
}

#[test]
fn date_is_read_as_published_and_unknown_fields_are_ignored() {
    let t = Tree::new();
    let f = t.file(
        "a.ndjson",
        r#"{"id":"e1","url":"https://x.test/a","text":"Body","date":"2023-02","labels":{"countries":["BF"]},"lang":"fr"}"#,
    );
    let got = read(&[f]);
    let a = got[0].as_ref().unwrap();
    assert_eq!(a.published.as_deref(), Some("2023-02"));
    assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
    assert_eq!(a.lang.as_deref(), Some("fr"));
}

#[test]
fn an_object_without_text_or_html_is_an_error_naming_file_and_line() {
    let t = Tree::new();
    let f = t.file("a.jsonl", "\n{\"title\": \"no body\"}\n");
    let got = read(std::slice::from_ref(&f));
    assert_eq!(
        got[0].as_ref().unwrap_err().to_string(),
        format!("{}:2: no text or html field; skipped", f.display())
    );
}

#[test]
fn a_binary_file_is_one_error() {
    let t = Tree::new();
    let f = t.file("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00");
    let got = read(&[f]);
    assert_eq!(got.len(), 1);
    assert!(matches!(got[0], Err(IngestError::Binary { .. })));
    assert!(
        got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("binary file")
    );
}

#[test]
fn empty_files_are_one_error_each() {
    let t = Tree::new();
    let a = t.file("empty.txt", "");
    let b = t.file("blank.jsonl", "\n\n  \n");
    let c = t.file("blank.html", "   \n");
    let got = read(&[a, b, c]);
    assert_eq!(got.len(), 3);
    for r in &got {
        let e = r.as_ref().unwrap_err().to_string();
        assert!(e.ends_with(": empty file; skipped"), "{e}");
    }
}

#[test]
fn a_missing_path_is_one_error_with_the_os_message() {
    let t = Tree::new();
    let got = read(&[t.path().join("nope.jsonl")]);
    assert_eq!(got.len(), 1);
    let e = got[0].as_ref().unwrap_err().to_string();
    assert!(e.contains("nope.jsonl: cannot read ("), "{e}");
    assert!(e.contains("os error"), "{e}");
}

#[test]
fn directories_are_walked_recursively_in_sorted_order_skipping_other_files() {
    let t = Tree::new();
    t.file("b/2.txt", "Second text.");
    t.file("b/1.md", "# First\n\nMarkdown text.");
    t.file("a.html", "<html><body><p>Page</p></body></html>");
    t.file("b/c/3.jsonl", "{\"text\": \"deep\"}\n");
    t.file("b/logo.png", b"\x89PNG\x00");
    t.file("b/.hidden.txt", "hidden");
    let got = read(&[t.path().to_path_buf()]);
    let names: Vec<String> = got
        .iter()
        .map(|r| r.as_ref().unwrap().origin.clone())
        .map(|o| o.replace(&t.path().display().to_string(), ""))
        .collect();
    assert_eq!(names, ["/a.html", "/b/1.md", "/b/2.txt", "/b/c/3.jsonl:1"]);
    assert!(matches!(got[0].as_ref().unwrap().body, Body::Html(_)));
    let md = got[1].as_ref().unwrap();
    assert!(matches!(md.body, Body::Text(_)));
    assert_eq!(md.title, None);
}

#[test]
fn a_json_file_may_hold_an_array_of_objects() {
    let t = Tree::new();
    let f = t.file(
        "batch.json",
        "[\n  {\"text\": \"one\", \"published\": null},\n  {\"html\": \"<p>two</p>\"}\n]\n",
    );
    let got = read(std::slice::from_ref(&f));
    assert_eq!(got.len(), 2);
    let one = got[0].as_ref().unwrap();
    assert_eq!(one.origin, format!("{}:2", f.display()));
    assert_eq!(one.published, None);
    assert!(matches!(got[1].as_ref().unwrap().body, Body::Html(_)));
}

#[test]
fn a_json_file_of_one_object_is_named_by_its_path() {
    let t = Tree::new();
    let f = t.file(
        "one.json",
        "{\n  \"title\": \"T\",\n  \"text\": \"Body\"\n}\n",
    );
    let got = read(std::slice::from_ref(&f));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].as_ref().unwrap().origin, f.display().to_string());
}

#[test]
fn an_explicitly_named_file_of_unknown_type_is_sniffed() {
    let t = Tree::new();
    let page = t.file(
        "page.php",
        "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
    );
    let note = t.file("note.log", "Just some text.");
    let got = read(&[page, note]);
    assert!(matches!(got[0].as_ref().unwrap().body, Body::Html(_)));
    assert!(matches!(got[1].as_ref().unwrap().body, Body::Text(_)));
}

#[test]
fn windows_1252_text_is_decoded() {
    let t = Tree::new();
    let f = t.file("legacy.txt", b"Assimi Go\xEFta\x92s visit");
    let got = read(&[f]);
    assert_eq!(text_of(got[0].as_ref().unwrap()), "Assimi Goïta’s visit");
}

#[test]
fn stdin_jsonl_is_numbered_from_the_first_line() {
    let input = "\n{\"text\": \"a\"}\nnot json\n";
    let got: Vec<_> = read_reader(std::io::Cursor::new(input), "<stdin>").collect();
    assert_eq!(got[0].as_ref().unwrap().origin, "<stdin>:2");
    let e = got[1].as_ref().unwrap_err().to_string();
    assert!(e.starts_with("<stdin>:3: invalid JSON"), "{e}");
}

#[test]
fn stdin_html_and_text_are_one_article_each() {
    let html: Vec<_> = read_reader(
        std::io::Cursor::new("<html><body><p>x</p></body></html>"),
        "<stdin>",
    )
    .collect();
    let a = html[0].as_ref().unwrap();
    assert!(matches!(a.body, Body::Html(_)));
    assert_eq!(a.origin, "<stdin>");
    let text: Vec<_> =
        read_reader(std::io::Cursor::new("Mali and Russia.\n\nMore."), "<stdin>").collect();
    assert!(matches!(text[0].as_ref().unwrap().body, Body::Text(_)));
}

#[test]
fn the_shared_corpus_reads_without_errors() {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus"
    ));
    if !dir.is_dir() {
        eprintln!("note: {} is absent; skipping", dir.display());
        return;
    }
    let got = read(&[dir.join("dev.jsonl"), dir.join("june2024.jsonl")]);
    assert_eq!(got.len(), 151);
    assert!(got.iter().all(Result::is_ok));
}
