#include "securityservice.h"

#include "journal/journalconnection.h"
#include "journal/journalqueryerror.h"
#include "security/securitylog.h"
#include "security/securityworker.h"
#include "util/clock.h"

#include <QPromise>

#include <memory>

namespace vigil
{

namespace
{

template<typename T>
QFuture<T> ready(T value)
{
    QPromise<T> promise;
    QFuture<T> future = promise.future();
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return future;
}

// Runs `work(worker)` on the worker's thread and hands its result to the future. `work` returns
// std::optional<T>: nullopt fails the future with the error it set.
template<typename T, typename Work>
QFuture<T> submit(SecurityWorker *worker, Work work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        worker,
        [worker, promise, work] {
            QString error;
            if (std::optional<T> result = work(*worker, &error))
                promise->addResult(std::move(*result));
            else
                promise->setException(
                    std::make_exception_ptr(JournalQueryError(error.toStdString())));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

LoginResult notRunning(const QString &name)
{
    LoginResult result;
    result.user = name;
    result.message = QStringLiteral("the user database is not available");
    return result;
}

} // namespace

SecurityService::SecurityService(QString databaseUrl, QString keyFile, QString headFile,
                                 SecurityOptions options, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_databaseUrl(std::move(databaseUrl))
    , m_keyFile(std::move(keyFile))
    , m_headFile(std::move(headFile))
    , m_options(options)
    , m_clock(clock)
{
    m_thread.setObjectName(QStringLiteral("security"));
}

SecurityService::~SecurityService()
{
    stop();
}

void SecurityService::setPasswordHasher(const PasswordHasher &hasher)
{
    m_hasher = hasher;
}

bool SecurityService::start(QString *error)
{
    if (m_running)
        return true;
    const std::optional<HistoryUrl> url = JournalConnection::parseUrl(m_databaseUrl, error);
    if (!url)
        return false;
    m_worker = new SecurityWorker({*url, m_keyFile, m_headFile, m_options, m_clock, m_hasher});
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SecurityWorker::appended, this, &SecurityService::auditAppended);
    connect(m_worker, &SecurityWorker::usersChanged, this, &SecurityService::usersChanged);
    m_thread.start();
    m_running = true;
    bool opened = false;
    QMetaObject::invokeMethod(
        m_worker, [&] { opened = m_worker->open(error); }, Qt::BlockingQueuedConnection);
    if (!opened)
        stop();
    return opened;
}

void SecurityService::stop()
{
    if (!m_running)
        return;
    QMetaObject::invokeMethod(m_worker, &SecurityWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_running = false;
    m_worker = nullptr; // deleted with the thread's finish
}

QFuture<LoginResult> SecurityService::login(const QString &name, const QString &password)
{
    if (!m_running)
        return ready(notRunning(name));
    return submit<LoginResult>(m_worker, [=](SecurityWorker &w, QString *) {
        return std::optional<LoginResult>(w.login(name, password));
    });
}

QFuture<LoginResult> SecurityService::confirmIdentity(const QString &name, const QString &password,
                                                      const QString &purpose)
{
    if (!m_running)
        return ready(notRunning(name));
    return submit<LoginResult>(m_worker, [=](SecurityWorker &w, QString *) {
        return std::optional<LoginResult>(w.confirmIdentity(name, password, purpose));
    });
}

QFuture<bool> SecurityService::hasUsers()
{
    if (!m_running)
        return ready(true);
    return submit<bool>(m_worker,
                        [](SecurityWorker &w, QString *) { return std::optional(w.hasUsers()); });
}

QFuture<QString> SecurityService::createFirstAdministrator(const QString &name,
                                                           const QString &password)
{
    if (!m_running)
        return ready(QStringLiteral("the user database is not available"));
    return submit<QString>(m_worker, [=](SecurityWorker &w, QString *) {
        return std::optional(w.createFirstAdministrator(name, password));
    });
}

QFuture<QList<UserSummary>> SecurityService::listUsers()
{
    if (!m_running)
        return ready(QList<UserSummary>());
    return submit<QList<UserSummary>>(
        m_worker, [](SecurityWorker &w, QString *error) { return w.listUsers(error); });
}

QFuture<QString> SecurityService::addUser(const QString &name, Role role, const QString &password,
                                          const QString &byUser)
{
    if (!m_running)
        return ready(QStringLiteral("the user database is not available"));
    return submit<QString>(m_worker, [=](SecurityWorker &w, QString *) {
        return std::optional(w.addUser(name, role, password, byUser));
    });
}

QFuture<QString> SecurityService::setRole(const QString &name, Role role, const QString &byUser)
{
    if (!m_running)
        return ready(QStringLiteral("the user database is not available"));
    return submit<QString>(m_worker, [=](SecurityWorker &w, QString *) {
        return std::optional(w.setRole(name, role, byUser));
    });
}

QFuture<QString> SecurityService::setDisabled(const QString &name, bool disabled,
                                              const QString &byUser)
{
    if (!m_running)
        return ready(QStringLiteral("the user database is not available"));
    return submit<QString>(m_worker, [=](SecurityWorker &w, QString *) {
        return std::optional(w.setDisabled(name, disabled, byUser));
    });
}

QFuture<QString> SecurityService::resetPassword(const QString &name, const QString &password,
                                                const QString &byUser)
{
    if (!m_running)
        return ready(QStringLiteral("the user database is not available"));
    return submit<QString>(m_worker, [=](SecurityWorker &w, QString *) {
        return std::optional(w.resetPassword(name, password, byUser));
    });
}

void SecurityService::audit(AuditEntry entry)
{
    // Stamped here, at the call, so that the time is when it happened, not when it was stored.
    if (entry.timeMs == 0)
        entry.timeMs = m_clock->nowMs();
    if (!m_running) {
        qCWarning(lcSecurity) << "audit entry" << entry.action << entry.target
                              << "not stored: the security service is not running";
        return;
    }
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, entry] { worker->audit(entry); }, Qt::QueuedConnection);
}

QFuture<QList<AuditRecord>> SecurityService::auditPage(const AuditFilter &filter)
{
    if (!m_running)
        return ready(QList<AuditRecord>());
    return submit<QList<AuditRecord>>(m_worker, [filter](SecurityWorker &w, QString *error) {
        return w.auditPage(filter, error);
    });
}

QFuture<AuditVerification> SecurityService::verifyAudit(const QString &user)
{
    if (!m_running)
        return ready(
            AuditVerification{false, 0, 0, QStringLiteral("the security service is not running")});
    return submit<AuditVerification>(
        m_worker, [user](SecurityWorker &w, QString *) { return std::optional(w.verify(user)); });
}

} // namespace vigil
