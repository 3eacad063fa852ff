//! Theme layering (built-in theme < a site theme in `themes/<name>/` < single templates in the
//! site's `templates/`) and static files that would take a page's URL.

use crate::prelude::*;

/// A 404 template that shows `marker`, on the built-in base template.
fn page_404(marker: &str) -> String {
    format!("{{% extends \"base.html\" %}}{{% block main %}}<h1>{marker}</h1>{{% endblock main %}}")
}

#[test]
fn a_site_template_overrides_one_theme_template_and_only_that() {
    let mut plain = TestSite::fixture("minimal");
    plain.build();
    let mut t = TestSite::fixture("minimal");
    t.file("templates/404.html", &page_404("Eigen foutpagina"))
        .build()
        .check_page_contains("404.html", "<h1>Eigen foutpagina</h1>")
        .check_page_lacks("404.html", "Sorry, de pagina die u zoekt")
        // the rest of the built-in theme is still there: its base template and its pages
        .check_page_contains("404.html", "<html lang=\"nl\"")
        .check_page_contains("404.html", "Minimale site");
    for page in ["index.html", "themas/jongeren/index.html", "sitemap.xml"] {
        assert_eq!(t.page(page), plain.page(page), "{page} changed");
    }
}

#[test]
fn a_site_theme_overrides_the_built_in_one_and_site_templates_override_both() {
    let mut t = TestSite::fixture("minimal");
    t.edit("site.yaml", |s| format!("{s}theme: eigen\n"))
        .file("themes/eigen/templates/404.html", &page_404("Thema-404"))
        .file(
            "themes/eigen/templates/thema.html",
            &page_404("Thema uit het eigen thema"),
        )
        .file(
            "themes/eigen/static/css/eigen.css",
            "body { color: navy }\n",
        )
        .build()
        .check_page_contains("404.html", "<h1>Thema-404</h1>")
        .check_page_contains("themas/jongeren/index.html", "Thema uit het eigen thema")
        // templates the site theme leaves out come from the built-in theme
        .check_page_contains("index.html", "<html lang=\"nl\"")
        .check_file("css/eigen.css", true)
        .check_file("css/style.css", true);
    assert_eq!(t.page("css/eigen.css"), "body { color: navy }\n");

    // a single template in templates/ beats the site theme's
    t.file("templates/404.html", &page_404("Van de site"))
        .build()
        .check_page_contains("404.html", "<h1>Van de site</h1>")
        .check_page_lacks("404.html", "Thema-404")
        .check_page_contains("themas/jongeren/index.html", "Thema uit het eigen thema");
}

#[test]
fn a_site_folder_named_like_the_built_in_theme_overrides_it() {
    TestSite::fixture("minimal")
        .file(
            "themes/samenvoordeklant/templates/404.html",
            &page_404("Aangepast"),
        )
        .file(
            "themes/samenvoordeklant/static/css/style.css",
            "/* eigen */\n",
        )
        .build()
        .check_page_contains("404.html", "<h1>Aangepast</h1>")
        .check_page_contains("css/style.css", "/* eigen */");
}

#[test]
fn an_unknown_theme_is_an_error() {
    TestSite::fixture("minimal")
        .edit("site.yaml", |s| format!("{s}theme: bestaat-niet\n"))
        .build_with(&[])
        .expect_exit(1)
        .expect_stderr_contains("site.yaml: error: theme 'bestaat-niet' not found")
        .check_file("index.html", false);
}

#[test]
fn a_static_file_with_the_url_of_a_page_is_an_error() {
    let mut t = TestSite::fixture("minimal");
    t.file("static/index.html", "<p>eigen home</p>")
        .file("static/journaal/atom.xml", "<feed/>")
        .file("static/img/eigen.png", "png")
        .build_with(&[])
        .expect_exit(1)
        .expect_stderr_contains(
            "static/index.html: error: static file /index.html has the same URL as a generated page",
        )
        .expect_stderr_contains("static/journaal/atom.xml: error: static file /journaal/atom.xml")
        .expect_stderr_contains("rename or move the file")
        .check_file("index.html", false);
    // a static file that takes no page's URL is fine
    t.remove("static/index.html")
        .remove("static/journaal")
        .build()
        .check_file("img/eigen.png", true)
        .check_page_contains("index.html", "Minimale site");
}

#[test]
fn a_theme_static_file_with_the_url_of_a_page_is_an_error() {
    TestSite::fixture("minimal")
        .edit("site.yaml", |s| format!("{s}theme: eigen\n"))
        .file("themes/eigen/static/sitemap.xml", "<urlset/>")
        .build_with(&[])
        .expect_exit(1)
        .expect_stderr_contains("static file /sitemap.xml has the same URL as a generated page");
}
