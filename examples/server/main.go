// Command server is an example of a JSON HTTP service built on Reserva
// with the standard library only: POST a study file (docs/study-format.md)
// to /run and get its results as JSON (package reformjson's Study: its
// scenarios and reforms compared, and the attributions and solutions its
// options ask for).
//
//	go run ./examples/server -addr localhost:8080 -data testdata
//	curl --data-binary @study.json localhost:8080/run
//
// A study that does not decode gets 400 Bad Request with the decoder's
// message (the JSON path and line of the bad value); a study may read files
// only under -data (none without it), never elsewhere. Each request runs
// under a deadline (-timeout) and the client's own: when either passes,
// the run stops before the next scenario and the request gets 503 Service
// Unavailable (reform.RunStudy, which runs the comparison through
// reform's context-aware scenario runs and checks the context before each
// attribution and problem). A scenario's projection itself is not
// interrupted (a projection of 100 years of the Yucatán example takes
// about a tenth of a second).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/reformjson"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "the address to listen on")
	data := flag.String("data", "", "the directory studies may read files from; empty: none")
	timeout := flag.Duration("timeout", 30*time.Second, "the longest a request may run")
	flag.Parse()
	h := &Handler{Timeout: *timeout}
	if *data != "" {
		h.Files = os.DirFS(*data)
	}
	mux := http.NewServeMux()
	mux.Handle("POST /run", h)
	log.Printf("listening on %s", *addr)
	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.ListenAndServe())
}

// Handler runs the study in a request's body and writes its results.
type Handler struct {
	// Files holds the files studies may read (scheme.DecodeStudyFS),
	// relative to its root; nil: none, every table and census inline.
	Files fs.FS
	// Timeout bounds a request's run; zero: only the client's deadline.
	Timeout time.Duration
}

// errorBody is the body of an error response.
type errorBody struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		log.Printf("writing a response: %v", err)
	}
}

// ServeHTTP decodes the study, projects it and writes the comparison.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if h.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, h.Timeout)
		defer cancel()
	}
	body := http.MaxBytesReader(w, r.Body, scheme.MaxStudySize)
	st, err := reform.DecodeStudyFS(body, h.Files, ".")
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{Error: err.Error()})
		return
	}
	res, err := reform.RunStudy(ctx, st, 1, nil)
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		writeJSON(w, http.StatusServiceUnavailable, errorBody{Error: err.Error()})
		return
	case err != nil:
		// The study decoded but does not project (a table whose rates
		// leave [0, 1] in some year, say): the study is at fault.
		writeJSON(w, http.StatusUnprocessableEntity, errorBody{Error: err.Error()})
		return
	}
	c, err := reformjson.FromStudy(st.Name, st.Currency, res)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, errorBody{Error: err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, c)
}
