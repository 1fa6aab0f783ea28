/*
 * Preloaded before libfaketime into the test PostgreSQL when the suite runs at another instant
 * (TEST_NOW; tests/support/test-database.ts). libfaketime's wrappers of epoll_wait and poll stop
 * PostgreSQL's SIGALRM timeouts from waking a waiting backend: statement_timeout, lock_timeout and
 * deadlock detection never fire (a deadlock then hangs forever). These wait for real, as without
 * libfaketime; the clock that PostgreSQL reads stays shifted.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <unistd.h>

int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout) {
  return syscall(SYS_epoll_wait, epfd, events, maxevents, timeout);
}

int epoll_pwait(int epfd, struct epoll_event *events, int maxevents, int timeout, const sigset_t *sigmask) {
  return syscall(SYS_epoll_pwait, epfd, events, maxevents, timeout, sigmask, _NSIG / 8);
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout) {
  return syscall(SYS_poll, fds, nfds, timeout);
}
