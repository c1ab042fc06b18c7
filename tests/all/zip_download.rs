//! "Download all" is one stored .zip: Python's zipfile (an independent reader) opens it, checks
//! every CRC, and reads back each file exactly, the bash script executable.

use std::io::Write;
use std::process::{Command, Stdio};

use ai_network_wizard::core::zip::zip_stored;

#[test]
fn an_independent_reader_gets_every_file_back_byte_for_byte() {
    let bash = "#!/usr/bin/env bash\necho 'héllo'\n".as_bytes();
    let ps = "\u{feff}$x = 'y'\r\n".as_bytes();
    let zip = zip_stored(
        &[
            ("isolate-azure-ai.sh", bash),
            ("isolate-azure-ai.ps1", ps),
            ("empty.http", b""),
        ],
        "2026-11-30",
    );
    let script = r#"
import io, sys, zipfile
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
assert z.testzip() is None, "a CRC is wrong"
for info in z.infolist():
    data = z.read(info)
    print(info.filename, info.compress_type, info.date_time[:3], oct(info.external_attr >> 16), data.hex())
"#;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child.stdin.take().unwrap().write_all(&zip).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "isolate-azure-ai.sh 0 (2026, 11, 30) 0o100755 {}\nisolate-azure-ai.ps1 0 (2026, 11, 30) 0o100644 {}\nempty.http 0 (2026, 11, 30) 0o100644 \n",
            hex(bash),
            hex(ps)
        )
    );
}
