"""The private-address guard: Broadsheet never connects to loopback, private, link-local or otherwise non-public
addresses unless an admin allows it (``BROADSHEET_ALLOW_PRIVATE_NETWORKS``).

The check runs where the socket is opened, not before the request: the host is resolved once, every address it
resolves to is checked, and the connection goes to a checked address. So a redirect hop, a keep-alive pool miss or
a DNS answer that changes between "check" and "connect" (DNS rebinding) cannot slip past it.
"""
from __future__ import annotations

import ipaddress
import logging
import socket

import httpcore
import httpx

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(Exception):
    """Raised from inside the connection pool; the Fetcher turns it into a BlockedAddress naming the URL."""

    def __init__(self, host: str, address: str):
        super().__init__(f"{host} resolves to {address}")
        self.host = host
        self.address = address


def address_is_blocked(ip: IPAddress) -> bool:
    """True for any address that is not plainly public unicast (IPv4-mapped IPv6 is judged as its IPv4)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_reserved or ip.is_multicast
            or ip.is_unspecified or not ip.is_global)


def blocked_message(url: str, address: str) -> str:
    return (f"Refused to fetch {url}: it resolves to a private or loopback address ({address}). "
            "An admin can allow this with BROADSHEET_ALLOW_PRIVATE_NETWORKS.")


def resolve_public(host: str, port: int) -> list[str]:
    """Resolve ``host`` and return its addresses, or raise AddressRefused if any of them is not public.

    Refusing when *any* answer is private (not just the first) stops a hostname that mixes a public and a private
    address from being used to reach the private one.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise httpcore.ConnectError(f"could not resolve the host name ({getattr(e, 'strerror', None) or e})") from e
    addresses: list[str] = []
    for *_, sockaddr in infos:
        address = sockaddr[0].split("%", 1)[0]  # drop an IPv6 zone id
        if address_is_blocked(ipaddress.ip_address(address)):
            raise AddressRefused(host, address)
        if address not in addresses:
            addresses.append(address)
    return addresses


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses that ``resolve_public`` accepted."""

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        last_error: Exception | None = None
        for address in resolve_public(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectTimeout:
                raise
            except httpcore.ConnectError as e:  # try the host's next address, as socket.create_connection does
                last_error = e
        raise last_error or httpcore.ConnectError(f"no address found for {host}")


def make_transport(limits: httpx.Limits, *, allow_private_networks: bool) -> httpx.HTTPTransport:
    """The httpx transport for the Fetcher: guarded unless private networks are allowed.

    httpx takes no network backend argument, so the guarded transport's connection pool is replaced by an identical
    one that opens sockets through GuardedBackend (``HTTPTransport._pool`` is the one private name relied on; the
    guard tests fail if it ever stops working).
    """
    transport = httpx.HTTPTransport(limits=limits)
    if not allow_private_networks:
        transport._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(),
        )
    return transport
