//! Running a command and measuring it: wall time, CPU time and peak resident memory.
//!
//! The figures come from the kernel's accounting of that one child (`wait4`), so they are the
//! command's own, whatever else the benchmark process holds in memory.

use std::fs::File;
use std::io;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// What one run of a command cost.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub status: ExitStatus,
    pub wall: Duration,
    /// User plus system CPU time.
    pub cpu: Duration,
    /// Peak resident set size, in bytes.
    pub max_rss: u64,
}

impl Measured {
    /// Peak resident set size in MiB.
    pub fn max_rss_mib(&self) -> f64 {
        self.max_rss as f64 / (1024.0 * 1024.0)
    }

    /// How many cores the run kept busy on average (CPU time over wall time).
    pub fn cores_used(&self) -> f64 {
        self.cpu.as_secs_f64() / self.wall.as_secs_f64().max(1e-9)
    }
}

/// Runs `cmd` to completion with its standard output written to `stdout` and its standard
/// error to `stderr` (files, created or truncated), and measures it.
pub fn run(cmd: &mut Command, stdout: &Path, stderr: &Path) -> io::Result<Measured> {
    cmd.stdin(Stdio::null())
        .stdout(File::create(stdout)?)
        .stderr(File::create(stderr)?);
    let start = Instant::now();
    let child = cmd.spawn()?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our own child, not yet waited for (`child` is never waited on);
        // `status` and `usage` are valid for writes for the duration of the call.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
    let wall = start.elapsed();
    drop(child);
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
    };
    Ok(Measured {
        status: ExitStatus::from_raw(status),
        wall,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        // Linux reports ru_maxrss in KiB.
        max_rss: (usage.ru_maxrss.max(0) as u64) * 1024,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_a_child_and_captures_its_output() {
        let dir = tempfile::tempdir().unwrap();
        let (out, err) = (dir.path().join("out"), dir.path().join("err"));
        let m = run(
            Command::new("sh").args(["-c", "echo hello; echo oops >&2"]),
            &out,
            &err,
        )
        .unwrap();
        assert!(m.status.success());
        assert_eq!(std::fs::read_to_string(out).unwrap(), "hello\n");
        assert_eq!(std::fs::read_to_string(err).unwrap(), "oops\n");
        assert!(m.max_rss > 0);
    }

    #[test]
    fn reports_a_failing_exit_status() {
        let dir = tempfile::tempdir().unwrap();
        let m = run(
            Command::new("sh").args(["-c", "exit 3"]),
            &dir.path().join("o"),
            &dir.path().join("e"),
        )
        .unwrap();
        assert_eq!(m.status.code(), Some(3));
    }
}
