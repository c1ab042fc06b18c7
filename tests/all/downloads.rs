//! What a download saves: `.ps1` files carry a UTF-8 byte-order mark, so Windows PowerShell 5.1
//! reads them as UTF-8 and not in the ANSI code page; the other files are the script as shown.

use ai_network_wizard::core::render::OutputTarget;

use crate::support::{fixture, render_draft};

const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

#[test]
fn powershell_downloads_start_with_a_utf8_byte_order_mark() {
    // The resource group holds non-ASCII letters: without the mark 5.1 would mangle them.
    let draft = fixture("anomaly-detector-unicode-resource-group");
    for target in [OutputTarget::PowerShell, OutputTarget::AzPowerShell] {
        assert!(target.file_name().ends_with(".ps1"));
        let script = render_draft(&draft, target);
        assert!(
            !script.is_ascii(),
            "the fixture should exercise non-ASCII text"
        );
        let bytes = target.download_text(&script).into_bytes();
        assert_eq!(bytes[..3], UTF8_BOM, "{}", target.file_name());
        assert_eq!(
            &bytes[3..],
            script.as_bytes(),
            "the rest is the script as shown"
        );
    }
}

#[test]
fn other_downloads_are_the_script_as_shown() {
    let draft = fixture("anomaly-detector-unicode-resource-group");
    for target in [OutputTarget::AzBash, OutputTarget::Rest] {
        let script = render_draft(&draft, target);
        let downloaded = target.download_text(&script);
        assert!(
            !downloaded.as_bytes().starts_with(&UTF8_BOM),
            "{}",
            target.file_name()
        );
        assert_eq!(downloaded, script);
    }
}
