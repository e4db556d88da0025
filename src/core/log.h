/* log.h - key=value log lines on stderr; never bodies, passwords or tokens. */
#ifndef CORE_LOG_H
#define CORE_LOG_H

enum { LL_DEBUG, LL_INFO, LL_WARN, LL_ERROR };

void	log_set_level(int level);
void	log_msg(int level, const char *area, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

#define log_debug(area, ...)	log_msg(LL_DEBUG, (area), __VA_ARGS__)
#define log_info(area, ...)	log_msg(LL_INFO, (area), __VA_ARGS__)
#define log_warn(area, ...)	log_msg(LL_WARN, (area), __VA_ARGS__)
#define log_error(area, ...)	log_msg(LL_ERROR, (area), __VA_ARGS__)

#endif
