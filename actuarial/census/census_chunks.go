// Reading the records of a census file in chunks of whole lines, parsed on
// several cores and merged in order.

package census

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sync"
)

// chunkSize is the size of the chunks of whole lines a reader parses at a
// time: some 3,000 records of a typical census, enough that handing a
// chunk to a goroutine costs little beside parsing it, few enough that
// the chunks in flight stay in the processor's caches.
const chunkSize = 128 << 10

// maxChunkWorkers bounds the goroutines that parse chunks.
const maxChunkWorkers = 8

// chunkJob is a chunk of whole lines without a '"' and what parsing them
// made: in out, the records that passed every check but the uniqueness
// of their ids; in recs, what parse said of each record, in order; in
// errs, the problems of every record, in order, recs[i].errs ending those
// of record i.
//
// The records of a chunk go straight to their place in the census read
// when the mode is not mixed and the room reserved for the records holds
// one a line of the chunk after those of the chunks before it: out is
// then that room, from base on; else out is the chunk's own, and base −1.
type chunkJob struct {
	buf   []byte // the chunk's memory
	data  []byte // the chunk, whole lines: a prefix of buf
	line  int    // the lines before data
	lines int    // the lines of data
	base  int    // where out is in the room of the census read; −1 if not there

	out  Census
	recs []parsed
	errs []RecordError
	done chan struct{} // a value when parsed
}

// readLines reads the records after the header from lr into c, one by one.
func (p *censusReader) readLines(lr *lineReader, c *Census, fn string) error {
	for {
		rec, line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if pe, ok := csvParseError(err); ok {
				// A syntax error spoils the whole record; go on with the next.
				p.errs = append(p.errs, RecordError{File: p.opt.File, Line: pe.StartLine, Err: pe.Err})
				continue
			}
			return fmt.Errorf("actuarial: %s: %w", fn, err)
		}
		p.record(rec, line, c)
	}
	return p.err()
}

// readChunks reads the records after the header from lr into c as
// readLines does, with the same records and problems in the same order,
// but in chunks of whole lines of chunk bytes (one line longer than that
// is read by readLines), each parsed by one of workers goroutines: the
// calling goroutine reads the chunks, another merges what the workers
// made in the order of the file, checking the ids. The workers write the
// records where they go in c when they can (see chunkJob), so that the
// first touches of the memory of c (the costliest part of a large read)
// are shared too, and the records are written once. Input without a
// single '"' is read so to its end; from the first chunk with one, the
// rest is read by readLines, since a quoted field may hold a line break.
// An input that fits in one chunk is read on the calling goroutine alone.
func (p *censusReader) readChunks(lr *lineReader, c *Census, fn string, size int64, chunk, workers int) error {
	br := lr.br
	var (
		carry   []byte    // the start of the line the last chunk ended in
		line    = lr.line // the lines before the next chunk
		made    int       // the jobs made so far
		maxJobs = workers + 2
		jobs    chan *chunkJob // to the workers
		order   chan *chunkJob // to the merger, in order
		free    chan *chunkJob // merged
		merged  chan struct{}  // closed when the merger is done
		wg      sync.WaitGroup // the workers
	)
	// The room reserved in c, which the workers write to, and where the
	// next chunk's records would go; −1 once a chunk's did not fit.
	room := Census{Actives: c.Actives[:cap(c.Actives)], Pensioners: c.Pensioners[:cap(c.Pensioners)]}
	next := -1
	switch p.mode {
	case modeActives:
		next = len(c.Actives)
	case modePensioners:
		next = len(c.Pensioners)
	}
	roomSize := len(room.Actives)
	if p.mode == modePensioners {
		roomSize = len(room.Pensioners)
	}

	// stop waits until every job sent is merged.
	stop := func() {
		if jobs == nil {
			return
		}
		close(jobs)
		close(order)
		wg.Wait()
		<-merged
		jobs = nil
	}
	defer stop()
	done := func(err error) error {
		stop()
		if err != nil {
			return fmt.Errorf("actuarial: %s: %w", fn, err)
		}
		return p.err()
	}

	first := chunk
	if size >= 0 && size < int64(chunk) {
		first = int(size) + 1 // room to see the end of the input in one read
	}
	for {
		var j *chunkJob
		switch {
		case made == 0:
			j = &chunkJob{buf: make([]byte, first)}
			made++
		case made < maxJobs:
			j = &chunkJob{buf: make([]byte, chunk)}
			made++
		default:
			j = <-free
		}
		if len(j.buf) < chunk && made > 1 {
			j.buf = make([]byte, chunk)
		}

		// Fill j with carry and what follows it, up to the last line
		// break; to the end at the end of the input; to the last line
		// break at an error of the input, which ends the reading after
		// the lines before it as it ends readLines's.
		n := copy(j.buf, carry)
		m, err := io.ReadFull(br, j.buf[n:])
		n += m
		end, final := n, true
		switch err {
		case nil:
			end, final = bytes.LastIndexByte(j.buf[:n], '\n')+1, false
		case io.EOF, io.ErrUnexpectedEOF:
			err = nil
		default:
			end = bytes.LastIndexByte(j.buf[:n], '\n') + 1
		}
		if (end == 0 && !final) || bytes.IndexByte(j.buf[:end], '"') >= 0 {
			// A line longer than a chunk, or a quote: the rest line by line.
			stop()
			rest := &resumeReader{rest: j.buf[:n], err: err, r: br}
			next := newLineReader(bufio.NewReaderSize(rest, readBufferSize), lr.comma)
			next.line = line
			return p.readLines(next, c, fn)
		}
		j.data, j.line = j.buf[:end], line
		j.lines = bytes.Count(j.data, []byte{'\n'})
		line += j.lines
		if end > 0 && j.data[end-1] != '\n' {
			j.lines++ // a last line without a line break
		}
		carry = append(carry[:0], j.buf[end:n]...)
		j.base = -1
		if next >= 0 && next+j.lines <= roomSize {
			j.base = next
			next += j.lines
		} else {
			next = -1 // and the records of every chunk after it too
		}

		if made == 1 && final {
			// All in one chunk: no goroutines.
			p.worker().parseChunk(j, lr.comma, &room)
			p.merge(j, c)
			return done(err)
		}
		if jobs == nil {
			jobs = make(chan *chunkJob, maxJobs)
			order = make(chan *chunkJob, maxJobs)
			free = make(chan *chunkJob, maxJobs)
			merged = make(chan struct{})
			for range workers {
				w := p.worker()
				wg.Add(1)
				go func() {
					defer wg.Done()
					for j := range jobs {
						w.parseChunk(j, lr.comma, &room)
						j.done <- struct{}{}
					}
				}()
			}
			go func() {
				for j := range order {
					<-j.done
					p.merge(j, c)
					free <- j
				}
				close(merged)
			}()
		}
		if j.done == nil {
			j.done = make(chan struct{}, 1)
		}
		order <- j
		jobs <- j
		if final {
			return done(err)
		}
	}
}

// worker returns a reader of the same file as p for a goroutine parsing
// chunks: with its own memory of ids and amounts, its own codes and its
// own problems.
func (p *censusReader) worker() *censusReader {
	w := &censusReader{
		opt: p.opt, mode: p.mode, year: p.year, layout: p.layout, minEntry: p.minEntry,
		salaryMul: p.salaryMul, pensionMul: p.pensionMul, salaryN: p.salaryN, pensionN: p.pensionN,
		col: p.col, ncols: p.ncols,
		sexes: p.sexes.clone(), types: p.types.clone(),
	}
	return w
}

// parseChunk parses the lines of j, none with a '"', as lineReader splits
// them: an empty line skipped, a '\r' before a line's end dropped. The
// records go to room from j.base, if not −1, else to j's own.
func (w *censusReader) parseChunk(j *chunkJob, comma rune, room *Census) {
	j.out.Actives, j.out.Pensioners = j.out.Actives[:0], j.out.Pensioners[:0]
	if j.base >= 0 {
		// Room for one record a line: parse's append never reallocates.
		b, e := j.base, j.base+j.lines
		if w.mode == modeActives {
			j.out = Census{Actives: room.Actives[b:b:e]}
		} else {
			j.out = Census{Pensioners: room.Pensioners[b:b:e]}
		}
	}
	j.recs = j.recs[:0]
	w.errs = j.errs[:0]
	var rec row
	data, line := j.data, j.line
	for len(data) > 0 {
		b := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			b, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line++
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
		if len(b) == 0 {
			continue
		}
		rec.split(b, comma)
		r := w.parse(&rec, line, &j.out)
		r.errs = int32(len(w.errs))
		j.recs = append(j.recs, r)
	}
	j.errs, w.errs = w.errs, nil
}

// place adds record i of a chunk's records out to dst: appended when the
// chunk's worker wrote them apart (base < 0), or, when it wrote them
// straight to dst from index base, kept where it is or moved down over a
// rejected record.
func place[T any](dst, out []T, i, base int) []T {
	if base < 0 {
		return append(dst, out[i])
	}
	index := len(dst)
	dst = dst[:index+1]
	if index != base+i {
		dst[index] = out[i]
	}
	return dst
}

// merge adds what parsing j made to c and p's problems, checking the ids
// as [censusReader.record] does: the records whose ids are new are
// appended to c, or moved there from where the worker wrote them.
func (p *censusReader) merge(j *chunkJob, c *Census) {
	ia, ip, from := 0, 0, 0 // the records of j.out read
	for _, r := range j.recs {
		errs := j.errs[from:r.errs]
		from = int(r.errs)
		if r.id != "" {
			if first, dup := p.seen.find(r.id, c); dup {
				p.errs = append(p.errs, p.duplicate(r, first))
				p.errs = append(p.errs, errs...)
				if r.accepted && r.active {
					ia++
				} else if r.accepted {
					ip++
				}
				continue
			}
			p.seen.insert(r.id)
		}
		index := -1
		switch {
		case r.accepted && r.active:
			index = len(c.Actives)
			c.Actives = place(c.Actives, j.out.Actives, ia, j.base)
			ia++
		case r.accepted:
			index = len(c.Pensioners)
			c.Pensioners = place(c.Pensioners, j.out.Pensioners, ip, j.base)
			ip++
		}
		if r.id != "" {
			p.seen.record(r.id, r.line, index, r.active, r.accepted)
		}
		p.errs = append(p.errs, errs...)
	}
	if j.base >= 0 {
		// What was left behind, records moved down and duplicates.
		if n := len(c.Actives); len(j.out.Actives) > 0 && n < j.base+len(j.out.Actives) {
			clear(c.Actives[n : j.base+len(j.out.Actives)])
		}
		if n := len(c.Pensioners); len(j.out.Pensioners) > 0 && n < j.base+len(j.out.Pensioners) {
			clear(c.Pensioners[n : j.base+len(j.out.Pensioners)])
		}
		j.out = Census{}
	}
}

// resumeReader reads rest, then err if not nil, else r.
type resumeReader struct {
	rest []byte
	err  error
	r    io.Reader
}

func (r *resumeReader) Read(b []byte) (int, error) {
	if len(r.rest) > 0 {
		n := copy(b, r.rest)
		r.rest = r.rest[n:]
		return n, nil
	}
	if r.err != nil {
		return 0, r.err
	}
	return r.r.Read(b)
}
