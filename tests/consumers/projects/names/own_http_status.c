/* The project's own http_status library. */
int own_http_status(void);

int own_http_status(void)
{
    return 200;
}
