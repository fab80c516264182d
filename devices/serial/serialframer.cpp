#include "serialframer.h"

namespace vigil
{

namespace
{

bool isLineEnd(char c)
{
    return c == '\r' || c == '\n';
}

bool onlyLineSpace(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (!isLineEnd(c) && c != ' ' && c != '\t')
            return false;
    }
    return true;
}

} // namespace

SerialFramer::SerialFramer(Settings settings)
    : m_settings(std::move(settings))
{
}

void SerialFramer::feed(const QByteArray &bytes, Output &out)
{
    m_buffer.append(bytes);
    switch (m_settings.mode) {
    case Mode::Terminator:
        feedTerminator(out);
        break;
    case Mode::FixedLength: {
        const qsizetype n = m_settings.length;
        qsizetype pos = 0;
        while (m_buffer.size() - pos >= n) {
            emitFrame(m_buffer.mid(pos, n), out);
            pos += n;
        }
        m_buffer.remove(0, pos);
        break;
    }
    case Mode::Markers:
        feedMarkers(out);
        break;
    }
}

void SerialFramer::feedTerminator(Output &out)
{
    const QByteArray &term = m_settings.terminator;
    for (;;) {
        const qsizetype at = m_buffer.indexOf(term);
        if (at < 0)
            break;
        if (m_dropping)
            m_dropping = false; // the end of the overlong frame: resynchronised
        else if (at > m_settings.maxFrame)
            ++out.overlong;
        else
            emitFrame(m_buffer.left(at), out);
        m_buffer.remove(0, at + term.size());
    }
    // No terminator in the buffer: keep at most maxFrame bytes plus a possibly split terminator.
    if (m_buffer.size() > m_settings.maxFrame + term.size() - 1) {
        if (!m_dropping)
            ++out.overlong;
        m_dropping = true;
        m_buffer = m_buffer.right(term.size() - 1); // may hold the start of the terminator
    }
}

void SerialFramer::feedMarkers(Output &out)
{
    const QByteArray &start = m_settings.start;
    const QByteArray &end = m_settings.end;
    for (;;) {
        if (!m_inside) {
            const qsizetype at = m_buffer.indexOf(start);
            if (at < 0) {
                // Keep a possibly split start marker; the rest is noise between frames.
                const qsizetype keep = start.size() - 1;
                if (m_buffer.size() > keep) {
                    const QByteArray noise = m_buffer.left(m_buffer.size() - keep);
                    if (!onlyLineSpace(noise))
                        ++out.garbage;
                    m_buffer.remove(0, noise.size());
                }
                return;
            }
            if (at > 0 && !onlyLineSpace(m_buffer.left(at)))
                ++out.garbage;
            m_buffer.remove(0, at + start.size());
            m_inside = true;
            m_dropping = false;
        }
        const qsizetype endAt = m_buffer.indexOf(end);
        const qsizetype restart = m_buffer.indexOf(start);
        if (restart >= 0 && (endAt < 0 || restart < endAt)) {
            // A new frame starts before this one ended: the device restarted mid-frame.
            if (!m_dropping)
                ++out.partial;
            m_buffer.remove(0, restart);
            m_inside = false;
            m_dropping = false;
            continue;
        }
        if (endAt < 0) {
            if (m_buffer.size() > m_settings.maxFrame + end.size() - 1) {
                if (!m_dropping)
                    ++out.overlong;
                m_dropping = true;
                m_buffer = m_buffer.right(qMax(start.size(), end.size()) - 1);
            }
            return;
        }
        if (m_dropping)
            m_dropping = false;
        else if (endAt > m_settings.maxFrame)
            ++out.overlong;
        else
            emitFrame(m_buffer.left(endAt), out);
        m_buffer.remove(0, endAt + end.size());
        m_inside = false;
    }
}

void SerialFramer::emitFrame(QByteArray frame, Output &out)
{
    if (m_settings.mode == Mode::Terminator && m_settings.trimLineEnds) {
        qsizetype b = 0, e = frame.size();
        while (b < e && isLineEnd(frame.at(b)))
            ++b;
        while (e > b && isLineEnd(frame.at(e - 1)))
            --e;
        if (b == e)
            return;
        frame = frame.mid(b, e - b);
    }
    out.frames.append(std::move(frame));
}

bool SerialFramer::discardPending()
{
    const bool counted = m_dropping;
    bool hadBytes = false;
    if (m_settings.mode == Mode::Markers)
        hadBytes = m_inside;
    else if (m_settings.mode == Mode::Terminator && m_settings.trimLineEnds)
        hadBytes = !onlyLineSpace(m_buffer);
    else
        hadBytes = !m_buffer.isEmpty();
    m_buffer.clear();
    m_dropping = false;
    m_inside = false;
    return hadBytes && !counted;
}

} // namespace vigil
