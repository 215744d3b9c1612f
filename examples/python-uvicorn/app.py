"""The smallest ASGI app: answers every GET and POST with 200 and a short body."""


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    more = True
    while more:  # a request's body is read before its answer
        message = await receive()
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok\n"})
