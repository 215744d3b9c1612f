// The smallest net/http server, with the timeouts many guides recommend:
// ReadTimeout and WriteTimeout, and no IdleTimeout. With IdleTimeout zero, Go
// closes an idle keep-alive connection after ReadTimeout (5 s here); a zero
// ReadTimeout too would keep it forever. Behind a 60 s LB, set IdleTimeout
// above the LB's: IDLE_TIMEOUT=75s.
package main

import (
	"io"
	"log"
	"net/http"
	"os"
	"time"
)

func main() {
	idle := time.Duration(0) // falls back to ReadTimeout
	if v := os.Getenv("IDLE_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			log.Fatalf("IDLE_TIMEOUT=%q: want a positive duration such as 75s", v)
		}
		idle = d
	}
	server := &http.Server{
		Addr:         ":8080",
		ReadTimeout:  5 * time.Second,
		WriteTimeout: 10 * time.Second,
		IdleTimeout:  idle,
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body) // a request's body is read before its answer
			w.Header().Set("Content-Type", "text/plain")
			_, _ = io.WriteString(w, "ok\n")
		}),
	}
	log.Printf("listening on %s (idle timeout %v, read timeout %v)", server.Addr, idle, server.ReadTimeout)
	log.Fatal(server.ListenAndServe())
}
