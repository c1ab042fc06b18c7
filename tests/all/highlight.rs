//! The code view's highlighter: it only adds markup (the text is the script, byte for byte),
//! and it colours what a reader looks for.

use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::highlight::{
    changed_lines, to_html, to_html_lines, Language, LineCache, LineChanges, Marks,
};
use ai_network_wizard::core::render::OutputTarget;

use crate::support::{fixtures, render_draft};

/// The text a browser shows for the markup: tags dropped, the three escapes undone.
fn text_content(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The tokens of one class, in order.
fn tokens(html: &str, class: &str) -> Vec<String> {
    let open = format!("<span class=\"{class}\">");
    html.split(&open)
        .skip(1)
        .map(|rest| text_content(&rest[..rest.find("</span>").unwrap()]))
        .collect()
}

fn plain(language: Language, text: &str) -> String {
    to_html(language, text, &|_| false)
}

#[test]
fn every_output_of_every_fixture_comes_back_unchanged_one_line_span_per_line() {
    let mut checked = 0;
    for (name, draft) in fixtures() {
        if generate(&draft).plan.is_none() {
            continue;
        }
        for target in OutputTarget::ALL {
            let script = render_draft(&draft, target);
            let html = plain(Language::of(target), &script);
            assert!(
                text_content(&html) == script,
                "{name} {target:?}: the markup changed the text"
            );
            assert_eq!(
                html.matches("<span class=\"l\" data-n=\"").count(),
                script.split_inclusive('\n').count(),
                "{name} {target:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 60, "checked {checked} outputs");
}

#[test]
fn markup_characters_in_values_are_escaped() {
    let html = plain(Language::Bash, "echo '<b>&amp;</b>'\n");
    assert!(html.contains("&lt;b&gt;&amp;amp;&lt;/b&gt;"), "{html}");
    assert!(!html.contains("<b>"));
}

#[test]
fn bash_comments_strings_variables_flags_and_keywords() {
    let script = "# Values\nNAME='contoso'\nif [ \"$STATE\" != 'ok' ]; then\n  az rest --method get --url \"${URL}\" # read\nfi\n";
    let html = plain(Language::Bash, script);
    assert_eq!(tokens(&html, "c"), ["# Values", "# read"]);
    assert_eq!(
        tokens(&html, "s"),
        ["'contoso'", "\"", "\"", "'ok'", "\"", "\""]
    );
    assert_eq!(tokens(&html, "v"), ["$STATE", "${URL}"]);
    assert_eq!(tokens(&html, "k"), ["if", "then", "fi"]);
    assert_eq!(tokens(&html, "p"), ["--method", "--url"]);
    assert_eq!(tokens(&html, "n"), ["az"]);
}

#[test]
fn a_bash_string_may_span_lines() {
    let html = plain(Language::Bash, "jq -n '{a: 1,\n  b: 2}' # done\n");
    assert_eq!(tokens(&html, "s"), ["'{a: 1,\n", "  b: 2}'"]);
    assert_eq!(tokens(&html, "c"), ["# done"]);
}

#[test]
fn powershell_cmdlets_parameters_variables_strings_and_keywords() {
    let script = "$Name = 'it''s'\nif ($State -eq \"Done $Name\") { Write-Host -Object 'ok' } # note\n<# a\nblock #>\n";
    let html = plain(Language::PowerShell, script);
    assert_eq!(tokens(&html, "v"), ["$Name", "$State", "$Name"]);
    assert_eq!(tokens(&html, "s"), ["'it''s'", "\"Done ", "\"", "'ok'"]);
    assert_eq!(tokens(&html, "k"), ["if"]);
    assert_eq!(tokens(&html, "p"), ["-eq", "-Object"]);
    assert_eq!(tokens(&html, "n"), ["Write-Host"]);
    assert_eq!(tokens(&html, "c"), ["# note", "<# a\n", "block #>"]);
}

#[test]
fn http_requests_headers_variables_and_json_bodies() {
    let script = "@token = <paste>\n\n###\n# Step 1\nPUT https://management.azure.com/x?api-version=1\nAuthorization: Bearer {{token}}\nContent-Type: application/json\n\n{\n  \"properties\": { \"defaultAction\": \"Deny\", \"n\": 2, \"on\": true }\n}\n\n###\nGET https://example.test/\n";
    let html = plain(Language::Http, script);
    assert_eq!(tokens(&html, "c"), ["###", "# Step 1", "###"]);
    assert_eq!(tokens(&html, "k"), ["PUT", "2", "true", "GET"]);
    assert_eq!(
        tokens(&html, "p"),
        [
            "Authorization",
            "Content-Type",
            "\"properties\"",
            "\"defaultAction\"",
            "\"n\"",
            "\"on\""
        ]
    );
    assert_eq!(tokens(&html, "s"), ["\"Deny\""]);
    assert_eq!(tokens(&html, "v"), ["@token", "{{token}}"]);
}

#[test]
fn the_lines_an_edit_changed_are_marked() {
    let old = "a\nb\nc\n";
    let new = "a\nB\nc\nd\n";
    let changed = changed_lines(old, new);
    assert_eq!(changed, [false, true, false, true]);
    let html = to_html(Language::Bash, new, &|i| changed[i]);
    assert_eq!(html.matches("<span class=\"l chg\"").count(), 2);
    assert!(
        html.starts_with(
            "<span class=\"l\" data-n=\"1\">a\n</span><span class=\"l chg\" data-n=\"2\">B\n</span>"
        ),
        "{html}"
    );
}

/// The page keeps a line cache between edits: after any sequence of scripts (edits that change a
/// value, add or drop lines, switch the language), it gives exactly what highlighting the whole
/// script again gives, with the same lines marked as changed.
#[test]
fn the_line_cache_gives_what_highlighting_everything_again_gives() {
    let mut scripts: Vec<(Language, String)> = Vec::new();
    for (_, draft) in fixtures() {
        if generate(&draft).plan.is_none() {
            continue;
        }
        for target in OutputTarget::ALL {
            let script = render_draft(&draft, target);
            // The same script with one value edited, one letter changed in place (a line of
            // the same length), one line added and one removed.
            let edited = script.replacen("'", "'x", 1);
            let same_length = upper_one_letter(&script);
            let mut lines: Vec<&str> = script.split_inclusive('\n').collect();
            lines.insert(lines.len() / 2, "echo 'added'\n");
            let added = lines.concat();
            lines.remove(lines.len() / 3);
            let removed = lines.concat();
            for text in [script, edited, same_length, added, removed] {
                scripts.push((Language::of(target), text));
            }
        }
    }
    let mut cache = LineCache::default();
    // What the page shows: the lines the cache said to write, nothing else.
    let mut page: Vec<String> = Vec::new();
    let mut previous: Option<&(Language, String)> = None;
    for now in &scripts {
        let (language, text) = now;
        let mark = previous.is_some_and(|(l, t)| l == language && t != text);
        let changed = match previous {
            Some((_, before)) if mark => changed_lines(before, text),
            _ => Vec::new(),
        };
        let expected = to_html_lines(*language, text, &|i| {
            changed.get(i).copied().unwrap_or(false)
        });
        let marks = if mark { Marks::Changed } else { Marks::Clear };
        match cache.update(*language, text, marks) {
            LineChanges::Lines(indexes) => {
                assert_eq!(page.len(), cache.len(), "{language:?}: the count changed");
                for i in indexes {
                    page[i] = cache.html(i).to_owned();
                }
            }
            LineChanges::From(first) => {
                page.truncate(first);
                page.extend((first..cache.len()).map(|i| cache.html(i).to_owned()));
            }
        }
        assert!(page == expected, "{language:?}: the page's lines differ");
        previous = Some(now);
    }
    assert!(scripts.len() >= 240, "{} scripts", scripts.len());
}

/// The reopen link, made once typing pauses, changes a header line: that line is not marked, and
/// the lines the edit before it marked stay marked (their mark fades on its own).
#[test]
fn an_update_nobody_typed_keeps_the_marks_of_the_last_edit() {
    let script = "# reopen: #v2=AAAA\n$ResourceGroup = 'rg'\n$Name = 'a'\n";
    let edited = script.replace("'rg'", "'rg-2'");
    let linked = edited.replace("AAAA", "BBBB");
    let mut cache = LineCache::default();
    cache.update(Language::PowerShell, script, Marks::Clear);
    assert_eq!(
        cache.update(Language::PowerShell, &edited, Marks::Changed),
        LineChanges::Lines(vec![1])
    );
    assert!(cache.html(1).contains("chg"), "{}", cache.html(1));
    assert_eq!(
        cache.update(Language::PowerShell, &linked, Marks::Keep),
        LineChanges::Lines(vec![0])
    );
    assert!(!cache.html(0).contains("chg"), "{}", cache.html(0));
    assert!(
        cache.html(1).contains("chg"),
        "the edit's mark was lost: {}",
        cache.html(1)
    );
    // The next edit marks only its own lines.
    let next = linked.replace("'a'", "'b'");
    assert_eq!(
        cache.update(Language::PowerShell, &next, Marks::Changed),
        LineChanges::Lines(vec![1, 2])
    );
    assert!(!cache.html(1).contains("chg") && cache.html(2).contains("chg"));
}

/// `text` with the first lowercase letter after its middle in uppercase.
fn upper_one_letter(text: &str) -> String {
    let at = (text.len() / 2..text.len())
        .find(|&i| text.as_bytes()[i].is_ascii_lowercase())
        .expect("a lowercase letter after the middle");
    let mut out = text.to_owned();
    out[at..at + 1].make_ascii_uppercase();
    out
}

/// Words inside a double-quoted string are the string's, after a variable in it too: `in`,
/// `if` or `for` in a message are not keywords.
#[test]
fn keywords_inside_double_quoted_strings_stay_string_text() {
    let html = plain(
        Language::PowerShell,
        "Write-Host \"$Name: sign in first, if you can\"\n",
    );
    assert!(tokens(&html, "k").is_empty(), "{html}");
    let html = plain(
        Language::Bash,
        "echo \"$name: sign in first, if you can\" >&2\n",
    );
    assert!(tokens(&html, "k").is_empty(), "{html}");
    let html = plain(
        Language::PowerShell,
        "throw \"$($err.Message) in $($Name): for each, sign in\"\n",
    );
    assert!(tokens(&html, "k") == ["throw"], "{html}");
    let html = plain(
        Language::Bash,
        "echo \"${groups[*]} in ${vnet}: for each, sign in\"\n",
    );
    assert!(tokens(&html, "k").is_empty(), "{html}");
}
