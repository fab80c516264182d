#include "trendcontroller.h"

#include "history/historyqueryservice.h"
#include "tags/tagdirectory.h"
#include "trendchart.h"
#include "trendexporter.h"
#include "trendsegments.h"
#include "util/clock.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QtCharts/QAbstractAxis>

namespace vigil
{

namespace
{

constexpr int kMaxPens = 8;

} // namespace

TrendController::TrendController(HistoryQueryService &queries,
                                 std::shared_ptr<const TagDirectory> tags, const Clock &clock,
                                 QString exportDirectory, QObject *parent)
    : QObject(parent)
    , m_queries(queries)
    , m_tags(std::move(tags))
    , m_clock(clock)
    , m_chart(std::make_unique<TrendChart>())
    , m_export(std::make_unique<TrendExporter>(queries.url(), queries.tailSource(), m_tags,
                                               std::move(exportDirectory)))
    , m_range(clock.nowMs(), 3'600'000, true)
{
    m_liveTimer.setInterval(1000);
    connect(&m_liveTimer, &QTimer::timeout, this, [this] {
        if (!m_range.live())
            return;
        // The axis scrolls every second; the pens are queried again every second on short
        // spans and at most every half bucket (up to 5 s) on long ones.
        const qint64 now = m_clock.nowMs();
        const qint64 every = std::clamp<qint64>(m_range.span() / m_plotWidth / 2, 1000, 5000);
        const bool query = now - m_lastLiveQuery >= every - 100;
        rangeUpdated(m_range.set(now, m_range.span(), true, now), query);
    });
    m_liveTimer.start();
    connect(m_export.get(), &TrendExporter::changed, this, &TrendController::exportChanged);
    connect(m_export.get(), &TrendExporter::permissionsChanged, this,
            &TrendController::permissionsChanged);
    // Default pens: the plant's first analog tags.
    for (const TagDefinition &t : m_tags->all()) {
        if (m_pens.rowCount() >= 4)
            break;
        if (isNumeric(t.type))
            addPen(t.id);
    }
}

TrendController::~TrendController() = default;

void TrendController::setSecurity(Session *session, SecurityService *security)
{
    m_export->setSecurity(session, security);
}

QVariantList TrendController::tagChoices() const
{
    QVariantList out;
    for (const TagDefinition &t : m_tags->all()) {
        if (t.type == DataType::String)
            continue;
        QString text = t.id;
        if (!t.description.isEmpty())
            text += QStringLiteral(" — ") + t.description;
        if (!t.unit.isEmpty())
            text += QStringLiteral(" (%1)").arg(t.unit);
        out.append(QVariantMap{{QStringLiteral("id"), t.id}, {QStringLiteral("text"), text}});
    }
    return out;
}

QDateTime TrendController::fromTime() const
{
    return QDateTime::fromMSecsSinceEpoch(m_range.from());
}

QDateTime TrendController::toTime() const
{
    return QDateTime::fromMSecsSinceEpoch(m_range.to());
}

QString TrendController::rangeText() const
{
    return m_range.text();
}

QString TrendController::spanText() const
{
    return m_range.spanText();
}

QString TrendController::timeFormat() const
{
    return m_range.axisFormat();
}

QString TrendController::cursorText() const
{
    if (!m_cursor)
        return QString();
    const qint64 t = m_range.from() + qint64(*m_cursor * double(m_range.span()));
    return QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

bool TrendController::exporting() const
{
    return m_export->running();
}

double TrendController::exportProgress() const
{
    return m_export->progress();
}

QString TrendController::exportText() const
{
    return m_export->text();
}

QString TrendController::exportRefusal() const
{
    return m_export->refusal();
}

QColor TrendController::penColor(int index) const
{
    if (m_penColors.isEmpty())
        return QColor(Qt::black);
    for (const QColor &c : m_penColors) {
        const auto &pens = m_pens.pens();
        if (std::none_of(pens.begin(), pens.end(), [&](const auto &p) { return p.color == c; }))
            return c;
    }
    return m_penColors[index % m_penColors.size()];
}

void TrendController::attachChart(QObject *chartView, QObject *timeAxis)
{
    m_chart->attach(chartView, qobject_cast<QAbstractAxis *>(timeAxis));
    m_chart->setFocused(m_pens.focused());
    requery();
}

void TrendController::setPalette(const QVariantList &penColors, const QVariantMap &alarmColors)
{
    m_penColors.clear();
    for (const QVariant &c : penColors)
        m_penColors.append(c.value<QColor>());
    m_alarmColors = alarmColors;
    // Pens made before the palette was known get their colours now.
    QStringList ids;
    for (const auto &p : m_pens.pens())
        ids.append(p.tag->id);
    while (m_pens.rowCount() > 0)
        removePen(0);
    for (const QString &id : ids)
        addPen(id);
}

bool TrendController::addPen(const QString &tagId)
{
    const std::optional<quint32> index = m_tags->indexOf(tagId);
    if (!index || m_tags->at(*index).type == DataType::String || m_pens.rowCount() >= kMaxPens)
        return false;
    const TagDefinition &tag = m_tags->at(*index);
    for (int i = 0; i < m_pens.rowCount(); ++i) {
        if (m_pens.pen(i).tag == &tag) {
            focusPen(i);
            return false;
        }
    }
    TrendPenModel::Pen pen;
    pen.tag = &tag;
    pen.color = penColor(m_pens.rowCount());
    QList<TrendChart::Limit> limits;
    for (const AlarmRule &rule : tag.alarms) {
        if (rule.type != AlarmType::HiHi && rule.type != AlarmType::Hi &&
            rule.type != AlarmType::Lo && rule.type != AlarmType::LoLo)
            continue;
        const QColor color =
            m_alarmColors.value(alarmPriorityName(rule.priority), QColor(Qt::darkGray))
                .value<QColor>();
        limits.append({rule.limit, color, alarmTypeName(rule.type).toUpper()});
    }
    m_data.push_back(PenData());
    m_chart->addPen(tag, pen.color, limits);
    m_pens.append(pen);
    m_chart->setFocused(m_pens.focused());
    requery();
    return true;
}

void TrendController::removePen(int index)
{
    if (index < 0 || index >= m_pens.rowCount())
        return;
    m_chart->removePen(index);
    m_data.erase(m_data.begin() + index);
    m_pens.remove(index);
    m_chart->setFocused(m_pens.focused());
}

void TrendController::togglePen(int index)
{
    if (index < 0 || index >= m_pens.rowCount())
        return;
    const bool visible = !m_pens.pen(index).visible;
    m_pens.setVisible(index, visible);
    m_chart->setPenVisible(index, visible);
}

void TrendController::focusPen(int index)
{
    m_pens.setFocused(index);
    m_chart->setFocused(index);
}

void TrendController::setPlotWidth(int pixels)
{
    pixels = std::clamp(pixels, 50, 4000);
    if (pixels == m_plotWidth)
        return;
    m_plotWidth = pixels;
    requery();
}

void TrendController::rangeUpdated(bool changed, bool query)
{
    if (changed) {
        emit rangeChanged();
        if (m_cursor)
            updateReadings();
    }
    if (query)
        requery();
}

void TrendController::zoom(double factor, double anchor)
{
    rangeUpdated(m_range.zoom(factor, anchor, m_clock.nowMs()));
}

void TrendController::pan(double fraction)
{
    rangeUpdated(m_range.pan(fraction, m_clock.nowMs()));
}

void TrendController::setSpan(double ms)
{
    rangeUpdated(m_range.setSpan(qint64(ms), m_clock.nowMs()));
}

void TrendController::goLive()
{
    const qint64 now = m_clock.nowMs();
    rangeUpdated(m_range.set(now, m_range.span(), true, now));
}

bool TrendController::showRange(const QString &from, const QString &to)
{
    const std::optional<bool> changed = m_range.show(from, to, m_clock.nowMs());
    if (!changed)
        return false;
    rangeUpdated(*changed);
    return true;
}

void TrendController::setCursor(double fraction)
{
    m_cursor = std::clamp(fraction, 0.0, 1.0);
    emit cursorChanged();
    updateReadings();
}

void TrendController::clearCursor()
{
    if (!m_cursor)
        return;
    m_cursor.reset();
    emit cursorChanged();
    updateReadings();
}

void TrendController::requery()
{
    if (m_pending > 0) {
        m_dirty = true;
        return;
    }
    if (m_pens.rowCount() == 0)
        return;
    const qint64 from = m_range.from();
    const qint64 to = m_range.to();
    const qint64 generation = ++m_generation;
    m_lastLiveQuery = m_clock.nowMs();
    m_batch = Batch();
    for (int i = 0; i < m_pens.rowCount(); ++i) {
        const TagDefinition *tag = m_pens.pen(i).tag;
        ++m_pending;
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_queries.buckets(tag->id, from, to, m_plotWidth)
            .then(this, [this, tag, generation, timer](QFuture<BucketSeries> f) {
                --m_pending;
                try {
                    const BucketSeries series = f.result();
                    for (int i = 0; i < m_pens.rowCount(); ++i) {
                        if (m_pens.pen(i).tag == tag)
                            onResult(i, generation, series, double(timer->nsecsElapsed()) / 1e6);
                    }
                } catch (const std::exception &e) {
                    setStatus(
                        tr("History not available: %1").arg(QString::fromStdString(e.what())));
                }
                if (m_pending == 0) {
                    emit busyChanged();
                    if (m_dirty) {
                        m_dirty = false;
                        requery();
                    }
                }
            });
    }
    emit busyChanged();
}

void TrendController::onResult(int pen, qint64 generation, const BucketSeries &series, double ms)
{
    PenData &data = m_data[size_t(pen)];
    if (generation < data.generation)
        return;
    data.generation = generation;
    const TagDefinition &tag = *m_pens.pen(pen).tag;
    const TrendSegments segments =
        TrendSegments::build(series, tag.type == DataType::Bool, m_clock.nowMs());
    m_chart->show(pen, segments, series.from, series.to);
    data.series = series;
    data.points = segments.pointCount();
    updateReadings();
    m_batch.points += data.points;
    m_batch.ms = std::max(m_batch.ms, ms);
    m_batch.source = std::max(m_batch.source, int(series.source));
    static const char *const sources[] = {
        QT_TR_NOOP("raw samples"), QT_TR_NOOP("10-minute rollups"), QT_TR_NOOP("hour rollups")};
    setStatus(tr("%1 buckets per pen from %2, %L3 points drawn, %4 ms")
                  .arg(series.buckets.size())
                  .arg(tr(sources[m_batch.source]))
                  .arg(m_batch.points)
                  .arg(m_batch.ms, 0, 'f', 1));
}

void TrendController::updateReadings()
{
    for (int i = 0; i < m_pens.rowCount(); ++i) {
        const PenData &data = m_data[size_t(i)];
        m_pens.showReading(i, data.series ? &*data.series : nullptr, m_cursor);
    }
}

void TrendController::setStatus(const QString &text)
{
    if (text == m_status)
        return;
    m_status = text;
    emit statusChanged();
}

void TrendController::exportShown(const QString &profile)
{
    if (m_export->running() || m_pens.rowCount() == 0)
        return;
    QStringList tags;
    for (const auto &p : m_pens.pens())
        tags.append(p.tag->id);
    m_export->start(tags, m_range.from(), m_range.to(), profile, m_clock.nowMs());
}

void TrendController::cancelExport()
{
    m_export->cancel();
}

qsizetype TrendController::shownPoints(int pen) const
{
    return pen >= 0 && pen < int(m_data.size()) ? m_data[size_t(pen)].points : 0;
}

} // namespace vigil
