package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/reserva-go/reserva/reform/reformjson"
)

// study is a small inline study of 30 years.
const study = `{
  "version": 1, "name": "tiny", "currency": "MXN", "years": 30, "start_year": 2025,
  "groups": [{"name": "all",
    "census": {"currency": "MXN",
      "active_cells": [{"sex": "male", "age": 40, "service": 10, "count": 3, "salary": 300000}],
      "pensioner_cells": [{"type": "old_age", "sex": "female", "age": 70, "count": 2, "pension": 120000}]},
    "rules": [{"from": 2025, "contribution_rate": {"worker": 0.08, "employer": 0.1},
      "eligibility": {"full": {"both": [{"min_age": 60, "min_service": 30}]}},
      "retirement": {"accrual": {"min_service": 15, "rates": [0.5, 0.6]}}, "indexation": "prices"}]}],
  "assumptions": {
    "mortality": {"active": {"both": {"law": "makeham", "a": 0.00022, "b": 2.7e-6, "c": 1.124, "max_age": 120}}},
    "retirement": {"both": {"full": {"min_age": 60, "values": [1]}}},
    "entrants": {"mode": "replacement", "currency": "MXN", "profile": [{"sex": "female", "age": 25, "weight": 1, "salary": 100000}]},
    "inflation": 0.03, "return": 0.05},
  "initial_reserve": {"amount": 1e6, "currency": "MXN"}
}`

func post(t *testing.T, url, body string) (int, []byte) {
	t.Helper()
	resp, err := http.Post(url+"/run", "application/json", strings.NewReader(body))
	if err != nil {
		t.Error(err)
		return 0, nil
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Error(err)
	}
	return resp.StatusCode, data
}

func newServer(h *Handler) *httptest.Server {
	mux := http.NewServeMux()
	mux.Handle("POST /run", h)
	return httptest.NewServer(mux)
}

func TestRun(t *testing.T) {
	srv := newServer(&Handler{})
	defer srv.Close()
	code, body := post(t, srv.URL, study)
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	var c reformjson.Comparison
	if err := json.Unmarshal(body, &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Scenarios) != 1 || c.Scenarios[0].Name != "tiny" || len(c.Scenarios[0].Years) != 30 || c.Scenarios[0].Years[0].Year != 2025 {
		t.Errorf("comparison %+v", c)
	}
}

// TestBadStudy checks that a bad study gets 400 with the decoder's
// message, naming the path and line, and that a study may not read files
// the server does not hold.
func TestBadStudy(t *testing.T) {
	srv := newServer(&Handler{})
	defer srv.Close()
	for _, tc := range []struct{ name, body, want string }{
		{"unknown field", strings.Replace(study, `"name": "tiny"`, `"name": "tiny", "nmae": 1`, 1), `line 2: nmae: unknown field "nmae"`},
		{"bad value", strings.Replace(study, `"min_age": 60, "min_service"`, `"min_age": -5, "min_service"`, 1),
			"groups[0].rules[0].eligibility.full.both[0].min_age: -5: "},
		{"a file", strings.Replace(study, `"law": "makeham", "a": 0.00022, "b": 2.7e-6, "c": 1.124, "max_age": 120`, `"file": "/etc/passwd", "column": "q"`, 1),
			"assumptions.mortality.active.both.file: /etc/passwd: a file outside the study's file system"},
		{"not JSON", "hello", "line 1: invalid character"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := post(t, srv.URL, tc.body)
			var e errorBody
			if err := json.Unmarshal(body, &e); err != nil {
				t.Fatal(err)
			}
			if code != http.StatusBadRequest || !strings.Contains(e.Error, tc.want) {
				t.Errorf("status %d, error %q; want 400 with %q", code, e.Error, tc.want)
			}
		})
	}
}

// TestFiles checks that a study may read the server's files.
func TestFiles(t *testing.T) {
	srv := newServer(&Handler{Files: os.DirFS("../../testdata")})
	defer srv.Close()
	body := strings.Replace(study, `"law": "makeham", "a": 0.00022, "b": 2.7e-6, "c": 1.124, "max_age": 120`, `"file": "mexico/emssa09.csv", "column": "qx_male"`, 1)
	if code, resp := post(t, srv.URL, body); code != http.StatusOK {
		t.Errorf("status %d: %s", code, resp)
	}
}

// TestConcurrent posts the same study from several clients at once: every
// answer is the same, bit for bit (each request has its own projector).
func TestConcurrent(t *testing.T) {
	srv := newServer(&Handler{})
	defer srv.Close()
	const clients = 8
	bodies := make([][]byte, clients)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, body := post(t, srv.URL, study)
			if code != http.StatusOK {
				t.Errorf("client %d: status %d", i, code)
			}
			bodies[i] = body
		}()
	}
	wg.Wait()
	for i := 1; i < clients; i++ {
		if !bytes.Equal(bodies[i], bodies[0]) {
			t.Errorf("client %d got a different answer", i)
		}
	}
}

// TestCancelled checks that a request whose context is done gets 503 and
// no results.
func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/run", strings.NewReader(study))
	rec := httptest.NewRecorder()
	(&Handler{}).ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "context canceled") {
		t.Errorf("status %d: %s", rec.Code, rec.Body)
	}
}

func TestMethod(t *testing.T) {
	srv := newServer(&Handler{})
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/run")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: status %d", resp.StatusCode)
	}
}

// withReform is the study with a reform and an attribution of it.
var withReform = strings.Replace(study, `"initial_reserve": {"amount": 1e6, "currency": "MXN"}`,
	`"initial_reserve": {"amount": 1e6, "currency": "MXN"},
  "reforms": [{"name": "dearer", "changes": [
    {"contribution_rate": {"year": 2027, "payer": "employer", "rate": 0.14, "step": 0.01}},
    {"pension_cap": {"year": 2027, "cap": {"per_year": 150000, "currency": "MXN"}}}]}],
  "options": {"attribute": ["dearer"]}`, 1)

// TestRunReforms posts a study with a reform: the results hold the base
// and the reform, and the reform's attribution; a bad change gets 400
// naming its path and line.
func TestRunReforms(t *testing.T) {
	srv := newServer(&Handler{})
	defer srv.Close()
	code, body := post(t, srv.URL, withReform)
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	var s reformjson.Study
	if err := json.Unmarshal(body, &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Scenarios) != 2 || s.Scenarios[1].Name != "dearer" || s.Scenarios[1].Delta == nil ||
		len(s.Attributions) != 1 || len(s.Attributions[0].Steps) != 2 {
		t.Errorf("results %+v", s)
	}
	code, body = post(t, srv.URL, strings.Replace(withReform, `"rate": 0.14`, `"rate": 14`, 1))
	want := `line 17: reforms[0].changes[0].contribution_rate.rate: 14: invalid change`
	if code != http.StatusBadRequest || !strings.Contains(string(body), want) {
		t.Errorf("status %d: %s\nwant 400 with %q", code, body, want)
	}
}
