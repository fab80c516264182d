#include "trendchart.h"

#include "tags/tagdefinition.h"
#include "trendsegments.h"
#include "uilog.h"

#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>
#include <QtCharts/QXYSeries>

namespace vigil
{

namespace
{
constexpr int kSeriesTypeLine = 0; // ChartView.SeriesTypeLine
}

TrendChart::TrendChart(QObject *parent)
    : QObject(parent)
{
}

TrendChart::~TrendChart()
{
    for (Pen &p : m_pens)
        destroySeries(p);
}

bool TrendChart::attach(QObject *chartView, QAbstractAxis *timeAxis)
{
    if (!chartView || !timeAxis)
        return false;
    for (Pen &p : m_pens)
        destroySeries(p);
    m_chart = chartView;
    m_timeAxis = timeAxis;
    for (Pen &p : m_pens)
        createSeries(p);
    setFocused(m_focused);
    return true;
}

QXYSeries *TrendChart::createLine(const QString &name, QValueAxis *axis)
{
    QAbstractSeries *series = nullptr;
    QMetaObject::invokeMethod(m_chart.data(), "createSeries", Qt::DirectConnection,
                              Q_RETURN_ARG(QAbstractSeries *, series), Q_ARG(int, kSeriesTypeLine),
                              Q_ARG(QString, name), Q_ARG(QAbstractAxis *, m_timeAxis.data()),
                              Q_ARG(QAbstractAxis *, axis));
    if (!series)
        qCWarning(lcUi) << "trend: the chart did not create a series";
    return qobject_cast<QXYSeries *>(series);
}

void TrendChart::createSeries(Pen &pen)
{
    if (!isAttached())
        return;
    pen.axis = new QValueAxis();
    pen.axis->setRange(pen.tag->rangeLo, pen.tag->rangeHi);
    pen.axis->setTickCount(6);
    const int decimals = std::clamp(pen.tag->displayDecimals(), 0, 3);
    pen.axis->setLabelFormat(QStringLiteral("%.") + QString::number(decimals) + u'f');
    pen.axis->setLabelsColor(pen.color);
    pen.axis->setLinePenColor(pen.color);
    pen.axis->setTitleText(pen.tag->unit);
    pen.axis->setTitleBrush(pen.color);
    for (int i = 0; i < kSegmentsPerPen; ++i) {
        if (QXYSeries *s = createLine(pen.tag->id, pen.axis)) {
            s->setPen(QPen(pen.color, 2.0));
            s->setVisible(pen.visible);
            pen.segments.push_back(s);
        }
    }
    for (const Limit &l : pen.limits) {
        if (QXYSeries *s = createLine(pen.tag->id + u' ' + l.label, pen.axis)) {
            s->setPen(QPen(l.color, 1.5, Qt::DashLine));
            s->setVisible(false);
            pen.limitLines.push_back(s);
        }
    }
}

void TrendChart::destroySeries(Pen &pen)
{
    QChart *chart = nullptr;
    auto drop = [&](QXYSeries *s) {
        if (!s)
            return;
        if (!chart)
            chart = s->chart();
        if (m_chart)
            QMetaObject::invokeMethod(m_chart.data(), "removeSeries", Qt::DirectConnection,
                                      Q_ARG(QAbstractSeries *, s));
        s->deleteLater();
    };
    for (const QPointer<QXYSeries> &s : pen.segments)
        drop(s);
    for (const QPointer<QXYSeries> &s : pen.limitLines)
        drop(s);
    pen.segments.clear();
    pen.limitLines.clear();
    if (pen.axis) {
        if (chart && chart->axes().contains(pen.axis.data()))
            chart->removeAxis(pen.axis);
        pen.axis->deleteLater();
        pen.axis = nullptr;
    }
}

void TrendChart::addPen(const TagDefinition &tag, const QColor &color, const QList<Limit> &limits)
{
    Pen pen;
    pen.tag = &tag;
    pen.color = color;
    pen.limits = limits;
    m_pens.push_back(std::move(pen));
    createSeries(m_pens.back());
    setFocused(m_focused);
}

void TrendChart::removePen(int index)
{
    if (index < 0 || index >= int(m_pens.size()))
        return;
    destroySeries(m_pens[size_t(index)]);
    m_pens.erase(m_pens.begin() + index);
}

void TrendChart::setPenVisible(int index, bool visible)
{
    if (index < 0 || index >= int(m_pens.size()))
        return;
    Pen &p = m_pens[size_t(index)];
    p.visible = visible;
    for (const QPointer<QXYSeries> &s : p.segments) {
        if (s)
            s->setVisible(visible);
    }
    for (const QPointer<QXYSeries> &s : p.limitLines) {
        if (s)
            s->setVisible(visible && index == m_focused);
    }
}

void TrendChart::setFocused(int index)
{
    m_focused = index;
    for (int i = 0; i < int(m_pens.size()); ++i) {
        Pen &p = m_pens[size_t(i)];
        if (p.axis) {
            p.axis->setVisible(i == index);
            p.axis->setGridLineVisible(i == index);
        }
        // Alarm limits belong to a scale: only the focused pen's are drawn.
        for (const QPointer<QXYSeries> &s : p.limitLines) {
            if (s)
                s->setVisible(p.visible && i == index);
        }
    }
}

void TrendChart::show(int index, const TrendSegments &segments, qint64 from, qint64 to)
{
    if (index < 0 || index >= int(m_pens.size()))
        return;
    Pen &p = m_pens[size_t(index)];
    TrendSegments limited = segments;
    limited.limit(qsizetype(p.segments.size()));
    for (size_t i = 0; i < p.segments.size(); ++i) {
        if (p.segments[i])
            p.segments[i]->replace(i < size_t(limited.segments.size())
                                       ? limited.segments[qsizetype(i)]
                                       : QList<QPointF>());
    }
    for (size_t i = 0; i < p.limitLines.size(); ++i) {
        const double y = p.limits[qsizetype(i)].value;
        if (p.limitLines[i])
            p.limitLines[i]->replace({QPointF(double(from), y), QPointF(double(to), y)});
    }
}

} // namespace vigil
