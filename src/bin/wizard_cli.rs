//! Command-line renderer over the same core as the web app, for pipelines and for checking
//! outputs without a browser. See `ai_network_wizard::cli::USAGE`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::ExitCode::from(ai_network_wizard::cli::run(&args))
}

/// The command line has no meaning in a browser; this keeps `--bins` building for wasm32.
#[cfg(target_arch = "wasm32")]
fn main() {}
