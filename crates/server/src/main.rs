//! `karya`: Karya's server. Reads the command line and the environment, then serves.

use clap::{Args, Parser, Subcommand};
use karya_server::{serve, Config};
use std::path::PathBuf;
use std::process::ExitCode;

/// Karya: the public dashboard of what Indonesia's correctional training programme
/// produces and exports. Serves the JSON API under /api/v1 and the web app.
#[derive(Parser)]
#[command(name = "karya", version, args_conflicts_with_subcommands = true)]
#[command(after_help = "Example:\n  karya serve --db ./karya.sqlite3 --addr 127.0.0.1:8080")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Start the server (the default): opens or creates the database, loads the sample data
    /// into an empty one, and serves the API and the app.
    Serve(ServeArgs),
}

#[derive(Args, Clone)]
struct ServeArgs {
    /// SQLite database file, created (with its folder) at first start.
    #[arg(long, env = "KARYA_DB", default_value = ".karya/karya.sqlite3")]
    db: String,
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "KARYA_ADDR", default_value = "127.0.0.1:8080")]
    addr: String,
    /// Folder of the built app (`trunk build --release` writes `dist`).
    #[arg(long, env = "KARYA_DIST", default_value = "dist")]
    dist: PathBuf,
    /// Origins allowed to call the API from another site, comma-separated.
    #[arg(
        long = "cors-origin",
        env = "KARYA_CORS_ORIGINS",
        value_delimiter = ','
    )]
    cors_origins: Vec<String>,
    /// Origins allowed to embed Karya in a frame (a ministry portal), comma-separated.
    #[arg(
        long = "frame-ancestor",
        env = "KARYA_FRAME_ANCESTORS",
        value_delimiter = ','
    )]
    frame_ancestors: Vec<String>,
    /// Load this dataset file (instead of the sample) into an empty database.
    #[arg(long, env = "KARYA_DATASET")]
    dataset: Option<PathBuf>,
    /// Log format: `text` for people, `json` for log collectors.
    #[arg(long, env = "KARYA_LOG_FORMAT", default_value = "text", value_parser = ["text", "json"])]
    log_format: String,
}

fn init_logging(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KARYA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tower_http=info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if format == "json" {
        builder.json().init();
    } else {
        builder.compact().init();
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let args = match cli.command {
        Some(Command::Serve(args)) => args,
        None => cli.serve,
    };
    init_logging(&args.log_format);
    let config = Config {
        db: args.db,
        addr: args.addr,
        dist: args.dist,
        cors_origins: args.cors_origins,
        dataset: args.dataset,
        frame_ancestors: args.frame_ancestors,
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("karya: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(serve(config, |addr| {
        // Scripts and tests read this line to find the port.
        println!("Karya is running at http://{addr}/");
    }));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("karya: cannot start: {e}");
            ExitCode::FAILURE
        }
    }
}
