"""The main configuration a test nginx runs with: one server on 127.0.0.1, everything in the prefix folder, and the
shipped site configuration (deploy/) included as it is."""

from __future__ import annotations

from pathlib import Path


def write_main_config(prefix: Path, port: int, include: Path, log: Path) -> Path:
    """Writes `prefix`/nginx-main.conf (temporary files under `prefix`/nginx-temp) and returns its path."""
    temp = prefix / "nginx-temp"
    temp.mkdir(exist_ok=True)
    main = prefix / "nginx-main.conf"
    main.write_text(f"""
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {log};
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy; fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {include};
    }}
}}
""")
    return main
