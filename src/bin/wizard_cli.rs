//! Command-line renderer over the same core as the web app, for pipelines and for checking
//! outputs without a browser. See `ai_network_wizard::cli::USAGE`.

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::ExitCode::from(ai_network_wizard::cli::run(&args))
}
