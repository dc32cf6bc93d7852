//! `karya`: Karya's one program. Reads the command line and hands each subcommand to the
//! library: `serve`, `import`, `export`, `backup`, `token`.

use clap::{Args, Parser, Subcommand};
use karya_server::storage::Store;
use karya_server::transfer::{backup, export, import};
use karya_server::{serve, Config};
use std::path::PathBuf;
use std::process::ExitCode;

/// Karya: the public dashboard of what Indonesia's correctional training programme
/// produces and exports. One program serves the API and the app, and keeps the data.
#[derive(Parser)]
#[command(name = "karya", version, args_conflicts_with_subcommands = true)]
#[command(after_help = "Examples:
  karya serve --db ./karya.sqlite3 --addr 127.0.0.1:8080
  karya import --check shipments.csv
  karya export ./export
  karya backup ./backups/karya-2026-11-29.sqlite3
  karya token create siti

Without a subcommand, karya serves.")]
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
    #[command(after_help = "Example:\n  karya serve --db ./karya.sqlite3 --addr 0.0.0.0:8080")]
    Serve(ServeArgs),
    /// Read CSV files into the database, all or nothing: every row is checked first, and one
    /// bad row means nothing is written. Re-importing a file changes nothing.
    #[command(
        after_help = "PATH is one CSV file (named after its table, e.g. shipments.csv, or with a \
template's header), a spreadsheet (.xlsx, .xls, .ods: one sheet per table, named after it), \
or a folder of them, such as `karya export` writes.
Templates: GET /api/v1/templates/<table>.csv; the columns are listed in the README.

Examples:
  karya import --check shipments.csv      # check only, write nothing
  karya import --as siti shipments.csv    # write, with siti named in the audit log
  karya import ./export                   # a whole folder, in the right order"
    )]
    Import(ImportArgs),
    /// Write every table as a CSV file in the import format into a folder.
    #[command(
        after_help = "Example:\n  karya export ./export   # writes ./export/shipments.csv, …"
    )]
    Export(ExportArgs),
    /// Write a consistent copy of the database while the server keeps running.
    #[command(after_help = "Examples:
  karya backup ./backups/karya-2026-11-29.sqlite3
  KARYA_DB=postgres://karya@db/karya karya backup karya.pgdump   # uses pg_dump

Restore (SQLite): stop the server, copy the file over the database, start again.
Restore (PostgreSQL): pg_restore --clean --no-owner -d postgres://… karya.pgdump")]
    Backup(BackupArgs),
    /// Make or revoke an editor's token for the editors' API and the app's entry form.
    #[command(subcommand)]
    #[command(after_help = "Examples:\n  karya token create siti\n  karya token revoke siti")]
    Token(TokenCommand),
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Make a token for an editor and print it: it is shown this once and kept only as a hash.
    #[command(
        after_help = "Examples:\n  karya token create siti\n  karya token create --days 30 siti"
    )]
    Create(CreateTokenArgs),
    /// Revoke an editor's token: it opens nothing from now on.
    #[command(after_help = "Example:\n  karya token revoke siti")]
    Revoke(TokenArgs),
}

#[derive(Args, Clone)]
struct DbArg {
    /// The database: a SQLite file (created with its folder if missing) or a postgres:// URL.
    #[arg(long, env = "KARYA_DB", default_value = ".karya/karya.sqlite3")]
    db: String,
}

#[derive(Args, Clone)]
struct ServeArgs {
    #[command(flatten)]
    db: DbArg,
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
    /// Leave an empty database empty instead of loading the sample (its data comes by import).
    #[arg(long, env = "KARYA_NO_SAMPLE")]
    no_sample: bool,
    /// Load balancers (IP addresses, comma-separated) whose X-Forwarded-For header names the
    /// client, so the editors' API limits each client and not the balancer.
    #[arg(
        long = "trusted-proxy",
        env = "KARYA_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    trusted_proxies: Vec<std::net::IpAddr>,
    /// Seconds a client has to send a request's headers before the connection is closed.
    #[arg(long, env = "KARYA_HEADER_TIMEOUT", default_value_t = 10)]
    header_timeout: u64,
    /// Seconds a request may take before it is answered 503 (its work is dropped).
    #[arg(long, env = "KARYA_REQUEST_TIMEOUT", default_value_t = 30)]
    request_timeout: u64,
    /// Requests handled at once; more are answered 503 with Retry-After.
    #[arg(long, env = "KARYA_MAX_IN_FLIGHT", default_value_t = 512)]
    max_in_flight: usize,
    /// Seconds in-flight requests may take to finish after SIGTERM or Ctrl-C.
    #[arg(long, env = "KARYA_SHUTDOWN_DEADLINE", default_value_t = 20)]
    shutdown_deadline: u64,
    /// Editors' requests one client may make per minute before it is told to wait (429).
    #[arg(long, env = "KARYA_WRITES_PER_MINUTE", default_value_t = 120)]
    writes_per_minute: u32,
    /// Log format: `text` for people, `json` for log collectors.
    #[arg(long, env = "KARYA_LOG_FORMAT", default_value = "text", value_parser = ["text", "json"])]
    log_format: String,
}

#[derive(Args)]
struct ImportArgs {
    #[command(flatten)]
    db: DbArg,
    /// Check every row and report, but write nothing.
    #[arg(long)]
    check: bool,
    /// Who imports, for the audit log (default: the login name).
    #[arg(long = "as", value_name = "NAME")]
    actor: Option<String>,
    /// A CSV file, a spreadsheet, or a folder of them.
    path: PathBuf,
}

#[derive(Args)]
struct ExportArgs {
    #[command(flatten)]
    db: DbArg,
    /// The folder to write into (created if missing).
    dir: PathBuf,
}

#[derive(Args)]
struct BackupArgs {
    #[command(flatten)]
    db: DbArg,
    /// The backup file to write; it must not exist yet.
    file: PathBuf,
}

#[derive(Args)]
struct TokenArgs {
    #[command(flatten)]
    db: DbArg,
    /// The editor's name, as the audit log will show it.
    name: String,
}

#[derive(Args)]
struct CreateTokenArgs {
    #[command(flatten)]
    token: TokenArgs,
    /// How many days the token opens the editors' API (1 to 3650).
    #[arg(long, env = "KARYA_TOKEN_DAYS", default_value_t = karya_server::storage::DEFAULT_TOKEN_DAYS)]
    days: u32,
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
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("karya: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            None => run_serve(cli.serve).await,
            Some(Command::Serve(args)) => run_serve(args).await,
            Some(Command::Import(args)) => run_import(args).await,
            Some(Command::Export(args)) => run_export(args).await,
            Some(Command::Backup(args)) => run_backup(args).await,
            Some(Command::Token(TokenCommand::Create(args))) => {
                let store = open(&args.token.db).await?;
                let name = &args.token.name;
                let (token, expires) = store
                    .create_token_for(name, args.days)
                    .await
                    .map_err(|e| e.to_string())?;
                println!("{token}");
                eprintln!(
                    "karya: the token for {name} is above; it expires on {expires}. \
                     It is shown only now: give it to them by a safe channel."
                );
                Ok(())
            }
            Some(Command::Token(TokenCommand::Revoke(args))) => {
                let store = open(&args.db).await?;
                store
                    .revoke_token(&args.name)
                    .await
                    .map_err(|e| e.to_string())?;
                eprintln!("karya: the token of {} is revoked.", args.name);
                Ok(())
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("karya: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn open(db: &DbArg) -> Result<Store, String> {
    Store::open(&db.db).await.map_err(|e| e.to_string())
}

async fn run_serve(args: ServeArgs) -> Result<(), String> {
    init_logging(&args.log_format);
    let config = Config {
        db: args.db.db,
        addr: args.addr,
        dist: args.dist,
        cors_origins: args.cors_origins,
        dataset: args.dataset,
        frame_ancestors: args.frame_ancestors,
        no_sample: args.no_sample,
        trusted_proxies: args.trusted_proxies,
        limits: karya_server::serve::ServeLimits {
            header_read: std::time::Duration::from_secs(args.header_timeout.max(1)),
            request: std::time::Duration::from_secs(args.request_timeout.max(1)),
            max_in_flight: args.max_in_flight.max(1),
            shutdown_deadline: std::time::Duration::from_secs(args.shutdown_deadline),
            writes_per_minute: args.writes_per_minute.max(1),
        },
    };
    serve(config, |addr| {
        // Scripts and tests read this line to find the port.
        println!("Karya is running at http://{addr}/");
    })
    .await
    .map_err(|e| format!("cannot start: {e}"))
}

/// How often `karya import` checks again when other writes keep landing (each try waits up
/// to the lock timeout, 5 s, and then 1 s): about ten minutes behind another import.
const IMPORT_ATTEMPTS: u32 = 100;

async fn run_import(args: ImportArgs) -> Result<(), String> {
    let started = std::time::Instant::now();
    let mut progress = |line: &str| eprintln!("karya: {line}");
    let files = import::read_path(&args.path, &mut progress).map_err(refused)?;
    let rows: usize = files.iter().map(|f| f.rows.len()).sum();
    progress(&format!("read {rows} rows; checking them"));
    let store = open(&args.db).await?;
    let actor = args
        .actor
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "karya import".into());
    // Another import (or an editor's write) landing meanwhile: wait, check again, retry.
    for attempt in 1.. {
        let plan = match import::plan(&store, &files).await {
            Ok(plan) => plan,
            Err(import::PlanError::Invalid(errors)) => return Err(refused(errors)),
            Err(import::PlanError::Storage(e)) => return Err(e.to_string()),
        };
        for t in &plan.report.tables {
            println!(
                "{:<13} {:>9} inserted {:>9} updated {:>9} unchanged",
                t.table, t.inserted, t.updated, t.unchanged
            );
        }
        if args.check {
            println!("checked {rows} rows: no problems; nothing written (--check)");
            return Ok(());
        }
        if plan.changes.changes.is_empty() {
            break;
        }
        progress("writing");
        let what = args.path.display().to_string();
        match import::write(&store, &plan, &actor, &what).await {
            Ok(()) => break,
            Err(e) if import::contended(&e) && attempt < IMPORT_ATTEMPTS => {
                progress(&format!("{e}; another import or write is under way: checking again"));
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
            Err(e) if import::contended(&e) => {
                return Err(format!(
                    "{e}; gave up after {attempt} tries (another import kept the database busy): run it again later"
                ))
            }
            Err(e) => return Err(e.to_string()),
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "imported {rows} rows in {seconds:.1} s ({:.0} rows/s)",
        rows as f64 / seconds.max(1e-9)
    );
    Ok(())
}

/// Every problem, one per line, then the verdict.
fn refused(errors: Vec<import::ImportError>) -> String {
    for e in &errors {
        eprintln!("{e}");
    }
    format!(
        "the import is refused: {} problem{} above; nothing was written",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" }
    )
}

async fn run_export(args: ExportArgs) -> Result<(), String> {
    let store = open(&args.db).await?;
    let counts = export::export(&store, &args.dir)
        .await
        .map_err(|e| e.to_string())?;
    for (table, n) in counts {
        println!(
            "{:<13} {n:>9} rows → {}",
            table.name(),
            args.dir.join(table.file_name()).display()
        );
    }
    Ok(())
}

async fn run_backup(args: BackupArgs) -> Result<(), String> {
    let started = std::time::Instant::now();
    let store = open(&args.db).await?;
    backup::backup(&store, &args.db.db, &args.file)
        .await
        .map_err(|e| e.to_string())?;
    let bytes = std::fs::metadata(&args.file).map(|m| m.len()).unwrap_or(0);
    println!(
        "backed up to {} ({bytes} bytes) in {:.1} s",
        args.file.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
