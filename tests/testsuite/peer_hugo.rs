//! The peer benchmark's Hugo project (`benches/peer/hugo.rs`): every page of our site is read back
//! into a title, a description, a breadcrumb and the main content, and becomes a Hugo content page
//! at the same address.

#[path = "../../benches/peer/hugo.rs"]
mod hugo;

use std::fs;

const PAGE: &str = r##"<!doctype html>
<html lang="fr">
<head>
<title>CP3 · Prospecter &amp; négocier · Référentiels de certification</title>
<meta name="description" content="Compétence « prospecter » &lt;CP3&gt;">
</head>
<body>
<header class="top">…</header>
<main id="main" class="main" data-pagefind-body>
<nav class="crumbs" aria-label="Fil d’Ariane"><a href="../../../c/ntc-2018/index.html">NTC (2018)</a> › <a href="../../../c/ntc-2018/e/at1.html">AT1</a> › Tableau</nav>
<article class="element"><h1>Prospecter</h1><a href="../../../glossaire.html">glossaire</a></article>
</main>
<footer class="foot"><p>…</p></footer>
</body>
</html>
"##;

#[test]
fn a_page_is_read_back_into_its_title_description_breadcrumb_and_main_content() {
    let page = hugo::read_page("c/ntc-2018/e/cp3.html", PAGE).unwrap();
    assert_eq!(
        page.title, "CP3 · Prospecter & négocier",
        "only the site's name is cut from the title"
    );
    assert_eq!(page.description, "Compétence « prospecter » <CP3>");
    assert_eq!(
        page.crumbs,
        vec![
            ("NTC (2018)".to_string(), Some("c/ntc-2018/index.html".to_string())),
            ("AT1".to_string(), Some("c/ntc-2018/e/at1.html".to_string())),
            ("Tableau".to_string(), None),
        ]
    );
    assert_eq!(
        page.body,
        "<article class=\"element\"><h1>Prospecter</h1><a href=\"../../../glossaire.html\">glossaire</a></article>\n"
    );
}

#[test]
fn a_page_without_main_content_is_an_error_naming_it() {
    let err = hugo::read_page("x.html", "<title>X</title><body></body>").unwrap_err();
    assert!(err.contains("x.html") && err.contains("<main>"), "{err}");
}

#[test]
fn the_project_has_one_content_page_per_page_at_the_same_address_and_the_other_files_as_static() {
    let dir = std::env::temp_dir().join(format!("referentiel-peer-test-{}", std::process::id()));
    let site = dir.join("site");
    fs::create_dir_all(site.join("c/ntc-2018/e")).unwrap();
    fs::create_dir_all(site.join("assets")).unwrap();
    fs::write(site.join("index.html"), PAGE).unwrap();
    fs::write(site.join("c/ntc-2018/index.html"), PAGE).unwrap();
    fs::write(site.join("c/ntc-2018/e/cp3.html"), PAGE).unwrap();
    fs::write(site.join("assets/style.css"), "body{}").unwrap();
    fs::write(site.join(".referentiel-site"), "").unwrap();
    let project = dir.join("project");

    let made = hugo::generate(&site, &project).unwrap();

    assert_eq!(
        made,
        hugo::Project { pages: 3, static_files: 1 },
        "the build's marker is not content"
    );
    let cp3 = fs::read_to_string(project.join("content/c/ntc-2018/e/cp3.html")).unwrap();
    assert!(cp3.starts_with('{') && cp3.contains("\"url\": \"/c/ntc-2018/e/cp3.html\""), "{cp3}");
    assert!(cp3.ends_with("</article>\n"), "the body follows the front matter: {cp3}");
    // `index.html` would make Hugo read the folder as one bundle: the file is renamed, the address kept.
    let index = fs::read_to_string(project.join("content/c/ntc-2018/page-index.html")).unwrap();
    assert!(index.contains("\"url\": \"/c/ntc-2018/index.html\""), "{index}");
    assert!(project.join("content/page-index.html").exists());
    assert_eq!(fs::read_to_string(project.join("static/assets/style.css")).unwrap(), "body{}");
    assert!(
        project.join("layouts/_default/baseof.html").exists()
            && project.join("config.toml").exists()
    );
    fs::remove_dir_all(dir).unwrap();
}
